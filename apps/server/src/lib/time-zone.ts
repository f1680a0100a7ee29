/** Wall-clock parts of an instant in an IANA time zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time an instant shows in `timeZone`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function wallAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Offset of `timeZone` from UTC at an instant, in milliseconds (Berlin in summer: +2h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return wallAsUtcMs(wallTimeOf(instant, timeZone)) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which `timeZone` shows the wall-clock time `wall`. A time skipped by a DST
 * change (02:30 on the spring-forward day) moves forward by the gap, as calendars do.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): Date {
  const guess = wallAsUtcMs(wall);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  const second = guess - zoneOffsetMs(new Date(first), timeZone);
  return new Date(first === second ? first : Math.max(first, second));
}

/** A "floating" date: the wall-clock parts stored as if they were UTC (what rrule expects). */
export function floatingOf(instant: Date, timeZone: string): Date {
  return new Date(wallAsUtcMs(wallTimeOf(instant, timeZone)));
}

export function instantOfFloating(floating: Date, timeZone: string): Date {
  return instantOfWallTime(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      second: floating.getUTCSeconds(),
    },
    timeZone,
  );
}
