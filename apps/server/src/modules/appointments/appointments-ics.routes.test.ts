import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// The .ics export and the private feed read by ical.js, the parser calendar web apps use:
// VTIMEZONE for every TZID, EXDATE for deleted occurrences, RECURRENCE-ID for moved ones.

let ctx: TestContext;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  member = await ctx.createUser({ role: "member", workspace: "ics-ws" });
});
afterAll(() => ctx.close());

const DAY = 86_400_000;

/** The Monday after the end of summer time (last Sunday of October) in `year`, 00:00Z. */
function mondayAfterChange(year: number) {
  const last = new Date(Date.UTC(year, 9, 31));
  last.setUTCDate(31 - last.getUTCDay());
  return new Date(last.getTime() + DAY);
}

async function call(method: string, path: string, body?: Record<string, unknown>) {
  const response = await ctx.request({ method: method as "POST", path, as: member, body });
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body;
}

/**
 * A weekly series Mondays 09:00 Berlin from two weeks before the change: the occurrence after the
 * change (08:00Z) moved to Tuesday 10:00, the one a week later deleted.
 */
async function seriesWithExceptions(year: number) {
  const monday = mondayAfterChange(year);
  const at = (days: number, hourUtc: number) => new Date(monday.getTime() + days * DAY + hourUtc * 3600_000);
  const series = await call("POST", "/api/v1/appointments", {
    title: `Jour fixe ${year}`,
    startsAt: at(-14, 7).toISOString(),
    endsAt: at(-14, 8).toISOString(),
    timeZone: "Europe/Berlin",
    recurrence: "FREQ=WEEKLY;COUNT=6",
  });
  const occurrence = (start: Date) =>
    `/api/v1/appointments/${series.id}/occurrences/${encodeURIComponent(start.toISOString())}`;
  const moved = await call("PATCH", occurrence(at(0, 8)), {
    scope: "occurrence",
    startsAt: at(1, 9).toISOString(),
    endsAt: at(1, 10).toISOString(),
  });
  await call("DELETE", occurrence(at(7, 8)));
  return { series, moved, at };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent");
  return { calendar, events };
}

const iso = (time: ICAL.Time) => time.toJSDate().toISOString();

/** What a calendar app shows: the master expanded with its EXDATEs and overrides. */
function expand(events: ICAL.Component[], uid: string, until: Date) {
  const mine = events.filter((event) => event.getFirstPropertyValue("uid") === uid);
  const master = new ICAL.Event(mine.find((event) => !event.hasProperty("recurrence-id")));
  for (const override of mine.filter((event) => event.hasProperty("recurrence-id"))) {
    master.relateException(new ICAL.Event(override));
  }
  const iterator = master.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && next.toJSDate() < until; next = iterator.next()) {
    starts.push(iso(master.getOccurrenceDetails(next).startDate));
  }
  return starts;
}

function expectBerlinSeries(text: string, fixture: Awaited<ReturnType<typeof seriesWithExceptions>>) {
  const { series, moved, at } = fixture;
  const { calendar, events } = parse(text);
  const zones = calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"));
  expect(zones).toContain("Europe/Berlin");
  expect(new Set(zones).size).toBe(zones.length);
  const uid = events
    .find((event) => event.getFirstPropertyValue("summary") === series.title)!
    .getFirstPropertyValue("uid") as string;
  expect(uid).toContain(series.id);
  const [master, override] = [
    events.find(
      (event) => event.getFirstPropertyValue("uid") === uid && !event.hasProperty("recurrence-id"),
    )!,
    events.find((event) => event.getFirstPropertyValue("uid") === uid && event.hasProperty("recurrence-id"))!,
  ];
  expect(master.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Berlin");
  expect(iso(master.getFirstPropertyValue("dtstart") as ICAL.Time)).toBe(at(-14, 7).toISOString());
  const exdate = master.getFirstProperty("exdate")!;
  expect(exdate.getParameter("tzid")).toBe("Europe/Berlin");
  expect(iso(exdate.getFirstValue() as ICAL.Time)).toBe(at(7, 8).toISOString());
  const recurrenceId = override.getFirstProperty("recurrence-id")!;
  expect(recurrenceId.getParameter("tzid")).toBe("Europe/Berlin");
  expect(iso(recurrenceId.getFirstValue() as ICAL.Time)).toBe(at(0, 8).toISOString());
  expect(iso(override.getFirstPropertyValue("dtstart") as ICAL.Time)).toBe(moved.startsAt);
  expect(iso(override.getFirstPropertyValue("dtend") as ICAL.Time)).toBe(moved.endsAt);
  expect(expand(events, uid, at(30, 0))).toEqual([
    at(-14, 7).toISOString(),
    at(-7, 7).toISOString(),
    at(1, 9).toISOString(),
    at(14, 8).toISOString(),
    at(21, 8).toISOString(),
  ]);
}

describe("iCalendar output of series with exceptions", () => {
  it("exports a series as .ics with VTIMEZONE, EXDATE and an override by RECURRENCE-ID", async () => {
    const fixture = await seriesWithExceptions(2026);
    const response = await fetch(`${ctx.baseUrl}/api/v1/appointments/${fixture.series.id}/ics`, {
      headers: { authorization: `Bearer ${member.apiKey}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expectBerlinSeries(text, fixture);
    expect(parse(text).events).toHaveLength(2);

    // a moved occurrence exported alone is an ordinary event of its own
    const alone = await fetch(`${ctx.baseUrl}/api/v1/appointments/${fixture.moved.id}/ics`, {
      headers: { authorization: `Bearer ${member.apiKey}` },
    });
    const [event] = parse(await alone.text()).events;
    expect(event!.hasProperty("recurrence-id")).toBe(false);
    expect(iso(event!.getFirstPropertyValue("dtstart") as ICAL.Time)).toBe(fixture.moved.startsAt);
  });

  it("the private feed carries the same, and a VTIMEZONE for each zone used", async () => {
    const now = new Date();
    const year = now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    const fixture = await seriesWithExceptions(year);
    const soon = new Date(Date.now() + 2 * DAY);
    soon.setUTCHours(15, 0, 0, 0);
    await call("POST", "/api/v1/appointments", {
      title: "Call New York",
      startsAt: soon.toISOString(),
      endsAt: new Date(soon.getTime() + 3600_000).toISOString(),
      timeZone: "America/New_York",
    });
    const created = await call("POST", "/api/v1/calendar-feed");
    const feed = await fetch(`${ctx.baseUrl}${new URL(created.url).pathname}`);
    expect(feed.status).toBe(200);
    const text = await feed.text();
    expectBerlinSeries(text, fixture);
    const { calendar, events } = parse(text);
    const zones = calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"));
    expect(zones.sort()).toEqual(["America/New_York", "Europe/Berlin"]);
    const nyCall = events.find((event) => event.getFirstPropertyValue("summary") === "Call New York")!;
    expect(nyCall.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("America/New_York");
    expect(iso(nyCall.getFirstPropertyValue("dtstart") as ICAL.Time)).toBe(soon.toISOString());
  });
});
