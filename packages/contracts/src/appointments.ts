import { z } from "zod";
import { ZRecordLink, ZRecordLinks } from "./activities.ts";
import { ZLongText, ZRecordMeta, ZShortText } from "./common.ts";
import { ZRecurrence, ZTimeZone } from "./tasks.ts";

export const ZAttendee = z.object({ type: z.enum(["user", "person"]), id: z.uuid() });
export type TAttendee = z.infer<typeof ZAttendee>;

const appointmentFields = {
  title: ZShortText.min(1),
  description: ZLongText.nullish(),
  location: ZShortText.nullish(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  allDay: z.boolean(),
  timeZone: ZTimeZone,
  recurrence: ZRecurrence.nullish(),
  attendees: z.array(ZAttendee).max(100),
  links: ZRecordLinks,
};

export const ZAppointmentCreateRequest = z.strictObject({
  ...appointmentFields,
  allDay: appointmentFields.allDay.optional(),
  timeZone: appointmentFields.timeZone.optional(),
  attendees: appointmentFields.attendees.optional(),
  links: appointmentFields.links.optional(),
});
export type TAppointmentCreateRequest = z.infer<typeof ZAppointmentCreateRequest>;
export const ZAppointmentUpdateRequest = z.strictObject(appointmentFields).partial();
export type TAppointmentUpdateRequest = z.infer<typeof ZAppointmentUpdateRequest>;

export const ZAppointment = ZRecordMeta.extend({
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  allDay: z.boolean(),
  timeZone: z.string(),
  recurrence: z.string().nullable(),
  attendees: z.array(ZAttendee),
  links: z.array(ZRecordLink),
  /** A series: starts of occurrences removed from it (iCalendar EXDATE). */
  excludedStarts: z.array(z.iso.datetime()),
  /** An exception: the series it belongs to and the start of the occurrence it replaces (RECURRENCE-ID). */
  seriesId: z.uuid().nullable(),
  originalStartsAt: z.iso.datetime().nullable(),
});
export type TAppointment = z.infer<typeof ZAppointment>;

/** One occurrence of an appointment inside a requested range (recurring ones expanded). */
export const ZAppointmentOccurrence = z.object({
  appointmentId: z.uuid(),
  title: z.string(),
  location: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  allDay: z.boolean(),
  /** An occurrence of a series: move or delete it through /appointments/{id}/occurrences/{startsAt}. */
  recurring: z.boolean(),
  /** Set on a moved occurrence (an exception): its series and the start it had in the series. */
  seriesId: z.uuid().nullable(),
  originalStartsAt: z.iso.datetime().nullable(),
});
export type TAppointmentOccurrence = z.infer<typeof ZAppointmentOccurrence>;

/** Path of one occurrence of a series, addressed by its start in the series (RECURRENCE-ID). */
export const ZOccurrenceParams = z.object({
  id: z.uuid(),
  occurrenceStart: z.iso.datetime({ offset: true }),
});

/**
 * Changes one occurrence of a series. `scope: "occurrence"` stores it as an exception (the
 * occurrence leaves the series, the changed copy keeps the series id and the original start);
 * `scope: "series"` shifts the whole series by the same wall-clock difference, RRULE kept.
 */
export const ZOccurrenceUpdateRequest = z.strictObject({
  ...ZAppointmentUpdateRequest.omit({ recurrence: true }).shape,
  scope: z.enum(["occurrence", "series"]),
});
export type TOccurrenceUpdateRequest = z.infer<typeof ZOccurrenceUpdateRequest>;

export const ZAppointmentRangeQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

export const ZCalendarFeed = z.object({ url: z.string(), createdAt: z.iso.datetime() });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;
