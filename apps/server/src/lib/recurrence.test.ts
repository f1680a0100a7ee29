import { describe, expect, it } from "vitest";
import { expandRecurrence, isValidRecurrence, nextOccurrence } from "./recurrence.ts";
import { instantOfWallTime } from "./time-zone.ts";

const berlin = "Europe/Berlin";
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe("expandRecurrence in Europe/Berlin", () => {
  it("keeps 09:00 local across the spring change (last Sunday of March)", () => {
    const start = new Date("2026-03-26T08:00:00Z"); // Thu 09:00 CET
    const dates = expandRecurrence({
      recurrence: "FREQ=DAILY",
      start,
      timeZone: berlin,
      from: new Date("2026-03-26T00:00:00Z"),
      to: new Date("2026-03-31T23:59:59Z"),
    });
    expect(iso(dates)).toEqual([
      "2026-03-26T08:00:00.000Z",
      "2026-03-27T08:00:00.000Z",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z", // CEST from here on
      "2026-03-30T07:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
    ]);
  });

  it("keeps the local time across the autumn change, weekly with BYDAY and COUNT", () => {
    const start = new Date("2026-10-19T16:30:00Z"); // Mon 18:30 CEST
    const dates = expandRecurrence({
      recurrence: "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
      start,
      timeZone: berlin,
      from: new Date("2026-10-01T00:00:00Z"),
      to: new Date("2026-12-31T00:00:00Z"),
    });
    expect(iso(dates)).toEqual([
      "2026-10-19T16:30:00.000Z",
      "2026-10-26T17:30:00.000Z", // CET after Oct 25
      "2026-11-02T17:30:00.000Z",
    ]);
  });

  it("expands monthly on a day of the month and honours the window", () => {
    const dates = expandRecurrence({
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=31",
      start: new Date("2026-01-31T09:00:00Z"),
      timeZone: berlin,
      from: new Date("2026-02-01T00:00:00Z"),
      to: new Date("2026-06-01T00:00:00Z"),
    });
    // 10:00 CET in January stays 10:00 local, i.e. 08:00Z in summer time
    expect(iso(dates)).toEqual(["2026-03-31T08:00:00.000Z", "2026-05-31T08:00:00.000Z"]);
  });

  it("finds the next occurrence across the DST change", () => {
    const next = nextOccurrence({
      recurrence: "FREQ=DAILY",
      start: new Date("2026-03-28T08:00:00Z"),
      timeZone: berlin,
      after: new Date("2026-03-28T08:00:00Z"),
    });
    expect(next?.toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("accepts the subset and refuses other frequencies", () => {
    expect(isValidRecurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR")).toBe(true);
    expect(isValidRecurrence("FREQ=YEARLY")).toBe(false);
    expect(isValidRecurrence("FREQ=HOURLY")).toBe(false);
  });

  it("maps a skipped wall time forward and an ambiguous one to a valid instant", () => {
    const skipped = instantOfWallTime(
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 },
      berlin,
    );
    expect(skipped.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    const ambiguous = instantOfWallTime(
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 },
      berlin,
    );
    expect(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]).toContain(ambiguous.toISOString());
  });
});
