import rrule from "rrule";
import { floatingOf, instantOfFloating } from "./time-zone.ts";

const { RRule } = rrule;

const SUPPORTED_FREQ = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY]);
const MAX_OCCURRENCES = 1000;

/**
 * Builds an rrule over wall-clock ("floating") time: the series keeps its local time of day in
 * `timeZone` across DST changes (09:00 in Berlin stays 09:00, i.e. 08:00Z in winter, 07:00Z in summer).
 */
function ruleFor(recurrence: string, start: Date, timeZone: string) {
  const options = RRule.parseString(recurrence.replace(/^RRULE:/, ""));
  if (options.freq === undefined || !SUPPORTED_FREQ.has(options.freq)) {
    throw new Error("Only FREQ=DAILY, WEEKLY or MONTHLY are supported");
  }
  if (options.until) options.until = floatingOf(options.until, timeZone);
  return new RRule({ ...options, dtstart: floatingOf(start, timeZone), tzid: null });
}

/** True when the RRULE text parses into a supported rule. */
export function isValidRecurrence(recurrence: string): boolean {
  try {
    ruleFor(recurrence, new Date(), "UTC");
    return true;
  } catch {
    return false;
  }
}

/** Occurrence start instants of a series inside [from, to], at most 1000. */
export function expandRecurrence(options: {
  recurrence: string;
  start: Date;
  timeZone: string;
  from: Date;
  to: Date;
}): Date[] {
  const { recurrence, start, timeZone, from, to } = options;
  const rule = ruleFor(recurrence, start, timeZone);
  const day = 24 * 3600 * 1000;
  const floatingFrom = new Date(floatingOf(from, timeZone).getTime() - day);
  const floatingTo = new Date(floatingOf(to, timeZone).getTime() + day);
  const result: Date[] = [];
  rule.between(floatingFrom, floatingTo, true, (date) => {
    const instant = instantOfFloating(date, timeZone);
    if (instant >= from && instant <= to) result.push(instant);
    return result.length < MAX_OCCURRENCES;
  });
  return result;
}

/** The first occurrence strictly after `after`, or null when the series has ended. */
export function nextOccurrence(options: {
  recurrence: string;
  start: Date;
  timeZone: string;
  after: Date;
}): Date | null {
  const rule = ruleFor(options.recurrence, options.start, options.timeZone);
  let cursor = floatingOf(options.after, options.timeZone);
  for (let i = 0; i < 5; i++) {
    const next = rule.after(cursor, false);
    if (!next) return null;
    const instant = instantOfFloating(next, options.timeZone);
    if (instant > options.after) return instant;
    cursor = next;
  }
  return null;
}

/** True when `at` is exactly the start of an occurrence of the series (to the millisecond). */
export function isOccurrenceStart(options: {
  recurrence: string;
  start: Date;
  timeZone: string;
  at: Date;
}): boolean {
  const found = expandRecurrence({ ...options, from: options.at, to: options.at });
  return found.some((instant) => instant.getTime() === options.at.getTime());
}

/**
 * The wall-clock difference between two instants in `timeZone` (Berlin: Monday 09:00 CET to
 * Tuesday 09:00 CEST is exactly one day, although only 23 hours pass).
 */
export function wallClockDelta(from: Date, to: Date, timeZone: string): number {
  return floatingOf(to, timeZone).getTime() - floatingOf(from, timeZone).getTime();
}

/** Moves an instant by a wall-clock difference in `timeZone` (09:00 stays 09:00 across DST). */
export function shiftWallClock(instant: Date, deltaMs: number, timeZone: string): Date {
  return instantOfFloating(new Date(floatingOf(instant, timeZone).getTime() + deltaMs), timeZone);
}

/** Whole calendar days between the wall-clock dates of two instants in `timeZone`. */
export function wallClockDayShift(from: Date, to: Date, timeZone: string): number {
  const day = 86_400_000;
  return (
    Math.floor(floatingOf(to, timeZone).getTime() / day) -
    Math.floor(floatingOf(from, timeZone).getTime() / day)
  );
}

/**
 * Keeps an RRULE's plain BYDAY weekdays on the moved days when a series moves by `days`
 * ("every Monday" moved by one day becomes "every Tuesday"); any other part is kept as written.
 */
export function shiftRecurrenceWeekdays(recurrence: string, days: number): string {
  const shift = ((days % 7) + 7) % 7;
  const match = /(^|;)BYDAY=([^;]+)/.exec(recurrence);
  if (shift === 0 || !match) return recurrence;
  const codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  const parts = match[2]!.split(",");
  if (!parts.every((part) => codes.includes(part))) return recurrence;
  const shifted = parts.map((part) => codes[(codes.indexOf(part) + shift) % 7]).join(",");
  return recurrence.replace(/(^|;)BYDAY=[^;]+/, `$1BYDAY=${shifted}`);
}
