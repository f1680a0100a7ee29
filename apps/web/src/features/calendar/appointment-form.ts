import type { TAppointment, TAppointmentCreateRequest, TAttendee, TRecordLink } from "@kontor/contracts";

/** The appointment form's values; times as the browser's local input strings. */
export interface AppointmentFormValues {
  title: string;
  allDay: boolean;
  /** "YYYY-MM-DDTHH:mm" (timed) or "YYYY-MM-DD" (all day), in the browser's time zone */
  start: string;
  end: string;
  timeZone: string;
  location: string;
  description: string;
  recurrence: string;
  attendees: TAttendee[];
  links: TRecordLink[];
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const DAY = 86_400_000;
const pad = (value: number) => String(value).padStart(2, "0");

function localDate(date: Date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localDateTime(date: Date) {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Input string for a time: a date for all-day appointments (the end shown inclusive). */
export function toInput(date: Date, allDay: boolean, isEnd = false): string {
  if (!allDay) return localDateTime(date);
  return localDate(isEnd ? new Date(date.getTime() - DAY) : date);
}

/** The instant an input string stands for: all-day ends are exclusive (the next midnight). */
export function fromInput(value: string, allDay: boolean, isEnd = false): Date | null {
  if (!value) return null;
  if (!allDay) return new Date(value);
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  return new Date(year!, month! - 1, day! + (isEnd ? 1 : 0));
}

/** Switching all day on or off keeps the dates. */
export function toggleAllDay(values: AppointmentFormValues, allDay: boolean): AppointmentFormValues {
  const start = fromInput(values.start, values.allDay) ?? new Date();
  const end = fromInput(values.end, values.allDay, true) ?? start;
  if (allDay) {
    return { ...values, allDay, start: toInput(start, true), end: toInput(end, true, true) };
  }
  const timedStart = new Date(start);
  timedStart.setHours(9, 0, 0, 0);
  return {
    ...values,
    allDay,
    start: toInput(timedStart, false),
    end: toInput(new Date(timedStart.getTime() + 3600_000), false),
  };
}

export function emptyValues(start: Date, end: Date, allDay: boolean): AppointmentFormValues {
  return {
    title: "",
    allDay,
    start: toInput(start, allDay),
    end: toInput(end, allDay, true),
    timeZone: browserTimeZone(),
    location: "",
    description: "",
    recurrence: "",
    attendees: [],
    links: [],
  };
}

export function valuesOf(appointment: TAppointment): AppointmentFormValues {
  return {
    title: appointment.title,
    allDay: appointment.allDay,
    start: toInput(new Date(appointment.startsAt), appointment.allDay),
    end: toInput(new Date(appointment.endsAt), appointment.allDay, true),
    timeZone: appointment.timeZone,
    location: appointment.location ?? "",
    description: appointment.description ?? "",
    recurrence: appointment.recurrence ?? "",
    attendees: appointment.attendees,
    links: appointment.links,
  };
}

/** Client-side checks; keys are translation keys under `validation`. */
export function validate(values: AppointmentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = "titleRequired";
  const start = fromInput(values.start, values.allDay);
  const end = fromInput(values.end, values.allDay, true);
  if (!start) errors.startsAt = "startRequired";
  if (start && end && end < start) errors.endsAt = "endBeforeStart";
  return errors;
}

/** The request body: the same for create and for a full edit. */
export function bodyOf(values: AppointmentFormValues, isException: boolean): TAppointmentCreateRequest {
  const start = fromInput(values.start, values.allDay)!;
  const end = fromInput(values.end, values.allDay, true) ?? start;
  return {
    title: values.title.trim(),
    allDay: values.allDay,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    timeZone: values.timeZone,
    location: values.location.trim() || null,
    description: values.description.trim() || null,
    ...(isException ? {} : { recurrence: values.recurrence || null }),
    attendees: values.attendees,
    links: values.links,
  };
}

/** IANA zones the browser knows, the appointment's own first if it is missing. */
export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}
