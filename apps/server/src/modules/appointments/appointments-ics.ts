import type { TAppointment } from "@kontor/contracts";
import ical, { type ICalEvent } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { wallTimeOf } from "../../lib/time-zone.ts";

// iCalendar for the .ics export and the private feed (decisions 0008 and 0010). Timed events
// carry DTSTART/DTEND with the appointment's TZID and a VTIMEZONE block for every TZID used
// (offline data from timezones-ical-library). A series carries its RRULE and EXDATE for deleted
// occurrences; a moved occurrence is a VEVENT with the series' UID and a RECURRENCE-ID, with its
// own times: all-day or timed, whatever its series is.

const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE block for an IANA zone, with the TZID as asked (aliases such as UTC map to Etc/UTC). */
function vtimezoneOf(timeZone: string): string | null {
  if (!vtimezones.has(timeZone)) {
    const block = tzlib_get_ical_block(timeZone);
    vtimezones.set(
      timeZone,
      Array.isArray(block) && block[0] ? block[0].replace(/^TZID:.*$/m, `TZID:${timeZone}`) : null,
    );
  }
  return vtimezones.get(timeZone) ?? null;
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

function icsDate(instant: Date, timeZone: string) {
  const wall = wallTimeOf(instant, timeZone);
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}`;
}

function icsLocalDateTime(instant: Date, timeZone: string) {
  const wall = wallTimeOf(instant, timeZone);
  return `${icsDate(instant, timeZone)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

/**
 * A Date whose local-time getters show the wall-clock time of `instant` in `timeZone`:
 * ical-generator writes a zoned event's times through those getters.
 */
function zonedDate(instant: Date, timeZone: string): Date {
  const wall = wallTimeOf(instant, timeZone);
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The wall-clock date as UTC midnight: ical-generator writes an all-day date through UTC getters. */
function dayDate(instant: Date, timeZone: string): Date {
  const wall = wallTimeOf(instant, timeZone);
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
}

const UTC_ZONES = /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal|Greenwich)$/;

/** The zone an appointment is written in: its own when VTIMEZONE data exists, else UTC (null). */
const zoneOf = (appointment: TAppointment) =>
  !UTC_ZONES.test(appointment.timeZone) && vtimezoneOf(appointment.timeZone) ? appointment.timeZone : null;

function setTimes(event: ICalEvent, appointment: TAppointment, timeZone: string | null) {
  const start = new Date(appointment.startsAt);
  const end = new Date(appointment.endsAt);
  if (appointment.allDay) {
    const zone = timeZone ?? "UTC";
    event.allDay(true);
    event.start(dayDate(start, zone));
    event.end(dayDate(end, zone));
  } else if (timeZone) {
    event.timezone(timeZone);
    event.start(zonedDate(start, timeZone));
    event.end(zonedDate(end, timeZone));
  } else {
    event.start(start);
    event.end(end);
  }
}

/**
 * The times of an override: its own (a timed occurrence of an all-day series stays timed, and the
 * other way round), with a RECURRENCE-ID that names the series' occurrence as clients match it:
 * a DATE for an all-day series, else the series' zone (UTC for an all-day override, whose
 * RECURRENCE-ID ical-generator would write as a DATE; clients match it by the instant).
 */
function writeOverride(event: ICalEvent, override: TAppointment, series: TAppointment, original: Date) {
  const seriesZone = zoneOf(series);
  if (series.allDay) {
    setTimes(event, override, zoneOf(override));
    event.x([["RECURRENCE-ID;VALUE=DATE", icsDate(original, seriesZone ?? "UTC")]]);
  } else if (!override.allDay) {
    // in the series' zone, so RECURRENCE-ID carries the TZID of the series' DTSTART
    setTimes(event, override, seriesZone);
    event.recurrenceId(seriesZone ? zonedDate(original, seriesZone) : original);
  } else {
    setTimes(event, override, zoneOf(override));
    event.x([["RECURRENCE-ID", `${icsLocalDateTime(original, "UTC")}Z`]]);
  }
}

/** RRULE plus EXDATE lines of a series, written in the form of its DTSTART. */
function repeatingOf(series: TAppointment, timeZone: string | null): string {
  const lines = [`RRULE:${series.recurrence}`];
  const excluded = series.excludedStarts.map((value) => new Date(value));
  if (excluded.length > 0) {
    if (series.allDay) {
      lines.push(`EXDATE;VALUE=DATE:${excluded.map((d) => icsDate(d, timeZone ?? "UTC")).join(",")}`);
    } else if (timeZone) {
      lines.push(`EXDATE;TZID=${timeZone}:${excluded.map((d) => icsLocalDateTime(d, timeZone)).join(",")}`);
    } else {
      lines.push(`EXDATE:${excluded.map((d) => `${icsLocalDateTime(d, "UTC")}Z`).join(",")}`);
    }
  }
  return lines.join("\r\n");
}

/**
 * Renders appointments as an iCalendar document. Exceptions whose series is among the
 * appointments become overrides of it (same UID, RECURRENCE-ID); others stand alone.
 */
export function renderCalendar(options: {
  name: string;
  appointments: TAppointment[];
  hostname: string;
}): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Kontor", product: "Kontor CRM", language: "EN" },
    timezone: { name: null, generator: vtimezoneOf },
  });
  const byId = new Map(options.appointments.map((appointment) => [appointment.id, appointment]));
  for (const appointment of options.appointments) {
    const series = appointment.seriesId ? byId.get(appointment.seriesId) : undefined;
    const event = calendar.createEvent({
      id: `${series?.id ?? appointment.id}@${options.hostname}`,
      start: new Date(appointment.startsAt),
      summary: appointment.title,
      description: appointment.description ?? null,
      location: appointment.location ?? null,
      sequence: appointment.version - 1,
      lastModified: new Date(appointment.updatedAt),
      created: new Date(appointment.createdAt),
    });
    if (series && appointment.originalStartsAt) {
      writeOverride(event, appointment, series, new Date(appointment.originalStartsAt));
      continue;
    }
    const zone = zoneOf(appointment);
    setTimes(event, appointment, zone);
    if (appointment.recurrence) event.repeating(repeatingOf(appointment, zone));
  }
  return calendar.toString();
}
