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
