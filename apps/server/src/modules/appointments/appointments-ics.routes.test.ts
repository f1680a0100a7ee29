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

  it("writes an override in its own form: a timed one of an all-day series, an all-day one of a timed series", async () => {
    // all day on Mondays in Berlin from 12 October 2026; the 19th moves to Tuesday 09:00–10:30
    const allDay = await call("POST", "/api/v1/appointments", {
      title: "Messe",
      allDay: true,
      startsAt: "2026-10-11T22:00:00.000Z",
      endsAt: "2026-10-12T22:00:00.000Z",
      timeZone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;COUNT=3",
    });
    const timed = await call(
      "PATCH",
      `/api/v1/appointments/${allDay.id}/occurrences/2026-10-18T22%3A00%3A00.000Z`,
      {
        scope: "occurrence",
        allDay: false,
        startsAt: "2026-10-20T09:00:00+02:00",
        endsAt: "2026-10-20T10:30:00+02:00",
      },
    );
    expect(timed).toMatchObject({ allDay: false, startsAt: "2026-10-20T07:00:00.000Z" });
    const text = await (
      await fetch(`${ctx.baseUrl}/api/v1/appointments/${allDay.id}/ics`, {
        headers: { authorization: `Bearer ${member.apiKey}` },
      })
    ).text();
    const { events } = parse(text);
    const override = events.find((event) => event.hasProperty("recurrence-id"))!;
    const dtstart = override.getFirstProperty("dtstart")!;
    expect(dtstart.type, "the override keeps its time of day").toBe("date-time");
    expect(dtstart.getParameter("tzid")).toBe("Europe/Berlin");
    expect(iso(dtstart.getFirstValue() as ICAL.Time)).toBe("2026-10-20T07:00:00.000Z");
    expect(iso(override.getFirstPropertyValue("dtend") as ICAL.Time)).toBe("2026-10-20T08:30:00.000Z");
    const recurrenceId = override.getFirstProperty("recurrence-id")!;
    expect(recurrenceId.type, "RECURRENCE-ID in the series' form").toBe("date");
    expect((recurrenceId.getFirstValue() as ICAL.Time).toString()).toBe("2026-10-19");
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin");
    const master = new ICAL.Event(events.find((event) => !event.hasProperty("recurrence-id")));
    master.relateException(new ICAL.Event(override));
    const iterator = master.iterator();
    const shown: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      shown.push(details.startDate.isDate ? details.startDate.toString() : iso(details.startDate));
    }
    expect(shown).toEqual(["2026-10-12", "2026-10-20T07:00:00.000Z", "2026-10-26"]);

    // the other way round: a timed series whose occurrence becomes a whole day
    const weekly = await call("POST", "/api/v1/appointments", {
      title: "Sprechstunde",
      startsAt: "2026-10-13T09:00:00+02:00",
      endsAt: "2026-10-13T10:00:00+02:00",
      timeZone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;COUNT=3",
    });
    await call("PATCH", `/api/v1/appointments/${weekly.id}/occurrences/2026-10-20T07%3A00%3A00.000Z`, {
      scope: "occurrence",
      allDay: true,
      startsAt: "2026-10-20T00:00:00+02:00",
      endsAt: "2026-10-21T00:00:00+02:00",
    });
    const weeklyEvents = parse(
      await (
        await fetch(`${ctx.baseUrl}/api/v1/appointments/${weekly.id}/ics`, {
          headers: { authorization: `Bearer ${member.apiKey}` },
        })
      ).text(),
    ).events;
    const dayOff = weeklyEvents.find((event) => event.hasProperty("recurrence-id"))!;
    expect(dayOff.getFirstProperty("dtstart")!.type).toBe("date");
    expect((dayOff.getFirstPropertyValue("dtstart") as ICAL.Time).toString()).toBe("2026-10-20");
    const weeklyId = dayOff.getFirstProperty("recurrence-id")!;
    expect(weeklyId.type).toBe("date-time");
    expect(iso(weeklyId.getFirstValue() as ICAL.Time)).toBe("2026-10-20T07:00:00.000Z");
    const weeklyMaster = new ICAL.Event(weeklyEvents.find((event) => !event.hasProperty("recurrence-id")));
    weeklyMaster.relateException(new ICAL.Event(dayOff));
    const weeklyIterator = weeklyMaster.iterator();
    const weeklyShown: string[] = [];
    for (let next = weeklyIterator.next(); next; next = weeklyIterator.next()) {
      const details = weeklyMaster.getOccurrenceDetails(next);
      weeklyShown.push(details.startDate.isDate ? details.startDate.toString() : iso(details.startDate));
    }
    expect(weeklyShown).toEqual(["2026-10-13T07:00:00.000Z", "2026-10-20", "2026-10-27T08:00:00.000Z"]);
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
