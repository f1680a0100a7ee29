import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "cal-ws" });
  member = await ctx.createUser({ role: "member", workspace: "cal-ws" });
  reader = await ctx.createUser({ role: "readonly", workspace: "cal-ws" });
  stranger = await ctx.createUser({ role: "admin", workspace: "cal-other" });
});
afterAll(() => ctx.close());

async function createAppointment(as: TestUser, body: Record<string, unknown>) {
  const response = await ctx.request({ method: "POST", path: "/api/v1/appointments", as, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar
    .getAllSubcomponents("vevent")
    .map((component) => ({ component, event: new ICAL.Event(component) }));
}

describe("appointments", () => {
  it("creates with attendees and links, moves and resizes by PATCH", async () => {
    const person = await buildPerson(ctx, admin);
    const appointment = await createAppointment(member, {
      title: "Jahresgespräch",
      startsAt: "2026-07-01T10:00:00+02:00",
      endsAt: "2026-07-01T11:00:00+02:00",
      location: "Hamburg",
      attendees: [
        { type: "user", id: admin.userId },
        { type: "person", id: person.id },
      ],
      links: [{ recordType: "person", recordId: person.id }],
    });
    expect(appointment).toMatchObject({
      startsAt: "2026-07-01T08:00:00.000Z",
      timeZone: "Europe/Berlin",
      allDay: false,
    });
    expect(appointment.attendees).toHaveLength(2);
    const moved = await ctx.request({
      method: "PATCH",
      path: `/api/v1/appointments/${appointment.id}`,
      as: member,
      body: { startsAt: "2026-07-02T09:00:00Z", endsAt: "2026-07-02T11:30:00Z" },
    });
    expect(moved.body).toMatchObject({
      startsAt: "2026-07-02T09:00:00.000Z",
      endsAt: "2026-07-02T11:30:00.000Z",
      version: 2,
    });
    const backwards = await ctx.request({
      method: "PATCH",
      path: `/api/v1/appointments/${appointment.id}`,
      as: member,
      body: { endsAt: "2026-07-01T00:00:00Z" },
    });
    expect(expectProblem(backwards, 400, "validation_failed")).toEqual(["endsAt"]);
    const badAttendee = await ctx.request({
      method: "POST",
      path: "/api/v1/appointments",
      as: member,
      body: {
        title: "x",
        startsAt: "2026-07-01T10:00:00Z",
        endsAt: "2026-07-01T11:00:00Z",
        attendees: [{ type: "user", id: stranger.userId }],
      },
    });
    expect(expectProblem(badAttendee, 400, "validation_failed")).toEqual(["attendees.0.id"]);
  });

  it("expands a weekly series across the DST change in Europe/Berlin", async () => {
    const series = await createAppointment(member, {
      title: "Jour fixe",
      startsAt: "2026-03-16T09:00:00+01:00",
      endsAt: "2026-03-16T09:30:00+01:00",
      timeZone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
    });
    const range = await ctx.request({
      path: "/api/v1/appointments?from=2026-03-20T00:00:00Z&to=2026-04-07T00:00:00Z",
      as: member,
    });
    const occurrences = range.body.data.filter(
      (o: { appointmentId: string }) => o.appointmentId === series.id,
    );
    expect(occurrences.map((o: { startsAt: string; endsAt: string }) => [o.startsAt, o.endsAt])).toEqual([
      ["2026-03-23T08:00:00.000Z", "2026-03-23T08:30:00.000Z"],
      ["2026-03-30T07:00:00.000Z", "2026-03-30T07:30:00.000Z"],
      ["2026-04-06T07:00:00.000Z", "2026-04-06T07:30:00.000Z"],
    ]);
    expectProblem(
      await ctx.request({
        path: "/api/v1/appointments?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z",
        as: member,
      }),
      400,
      "validation_failed",
    );
  });

  it("exports one appointment as .ics that a standard parser reads with the right UTC times", async () => {
    const appointment = await createAppointment(member, {
      title: "Workshop, Teil 1; mit Umlauten äöü",
      description: "Zeile 1\nZeile 2",
      startsAt: "2026-11-03T14:00:00+01:00",
      endsAt: "2026-11-03T16:15:00+01:00",
      location: "Köln",
    });
    const response = await fetch(`${ctx.baseUrl}/api/v1/appointments/${appointment.id}/ics`, {
      headers: { authorization: `Bearer ${member.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const [parsed] = parseEvents(await response.text());
    expect(parsed!.event.summary).toBe("Workshop, Teil 1; mit Umlauten äöü");
    expect(parsed!.event.location).toBe("Köln");
    expect(parsed!.event.description).toBe("Zeile 1\nZeile 2");
    expect(parsed!.event.startDate.toJSDate().toISOString()).toBe("2026-11-03T13:00:00.000Z");
    expect(parsed!.event.endDate.toJSDate().toISOString()).toBe("2026-11-03T15:15:00.000Z");
    expect(parsed!.event.uid).toContain(appointment.id);
  });

  it("serves a private feed by token with the user's appointments; revoking it ends access", async () => {
    const user = await ctx.createUser({ role: "member", workspace: "cal-ws" });
    const soon = new Date(Date.now() + 86_400_000);
    soon.setUTCMinutes(0, 0, 0);
    const organised = await createAppointment(user, {
      title: "organised",
      startsAt: soon.toISOString(),
      endsAt: new Date(soon.getTime() + 3600_000).toISOString(),
    });
    const attending = await createAppointment(admin, {
      title: "attending",
      startsAt: new Date(soon.getTime() + 7200_000).toISOString(),
      endsAt: new Date(soon.getTime() + 9000_000).toISOString(),
      attendees: [{ type: "user", id: user.userId }],
      recurrence: "FREQ=DAILY;COUNT=3",
    });
    await createAppointment(admin, {
      title: "not mine",
      startsAt: soon.toISOString(),
      endsAt: new Date(soon.getTime() + 3600_000).toISOString(),
    });
    const created = await ctx.request({ method: "POST", path: "/api/v1/calendar-feed", as: user });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/v1\/calendar-feeds\/[\w-]{40,}\/calendar\.ics$/);
    const feed = await fetch(`${ctx.baseUrl}${url.pathname}`);
    expect(feed.status).toBe(200);
    const events = parseEvents(await feed.text());
    const byTitle = new Map(events.map((e) => [e.event.summary, e]));
    expect([...byTitle.keys()].sort()).toEqual(["attending", "organised"]);
    expect(byTitle.get("organised")!.event.startDate.toJSDate().toISOString()).toBe(organised.startsAt);
    const recurring = byTitle.get("attending")!;
    expect(recurring.event.isRecurring()).toBe(true);
    expect(String(recurring.component.getFirstPropertyValue("rrule"))).toContain("FREQ=DAILY");
    const dtstart = recurring.component.getFirstProperty("dtstart")!;
    expect(dtstart.getParameter("tzid")).toBe("Europe/Berlin");
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Berlin",
      dateStyle: "short",
      timeStyle: "medium",
    }).format(new Date(attending.startsAt));
    expect(String(dtstart.getFirstValue()).replace("T", " ")).toBe(local);
    expect(attending.recurrence).toBe("FREQ=DAILY;COUNT=3");

    const rotated = await ctx.request({ method: "POST", path: "/api/v1/calendar-feed", as: user });
    expect((await fetch(`${ctx.baseUrl}${url.pathname}`)).status).toBe(404);
    const rotatedPath = new URL(rotated.body.url).pathname;
    expect((await fetch(`${ctx.baseUrl}${rotatedPath}`)).status).toBe(200);
    expect((await ctx.request({ method: "DELETE", path: "/api/v1/calendar-feed", as: user })).status).toBe(
      204,
    );
    expect((await fetch(`${ctx.baseUrl}${rotatedPath}`)).status).toBe(404);
    expectProblem(
      await ctx.request({ method: "DELETE", path: "/api/v1/calendar-feed", as: user }),
      404,
      "calendar_feed_not_found",
    );
  });

  it("readonly cannot write; other workspaces get 404 and see nothing in ranges", async () => {
    const appointment = await createAppointment(admin, {
      title: "acme-secret-meeting",
      startsAt: "2026-09-01T08:00:00Z",
      endsAt: "2026-09-01T09:00:00Z",
    });
    expect((await ctx.request({ path: `/api/v1/appointments/${appointment.id}`, as: reader })).status).toBe(
      200,
    );
    expectProblem(
      await ctx.request({
        method: "POST",
        path: "/api/v1/appointments",
        as: reader,
        body: { title: "x", startsAt: "2026-09-01T08:00:00Z", endsAt: "2026-09-01T09:00:00Z" },
      }),
      403,
      "forbidden",
    );
    for (const [method, body] of [
      ["PATCH", { title: "x" }],
      ["DELETE", undefined],
    ] as const) {
      const path = `/api/v1/appointments/${appointment.id}`;
      expectProblem(await ctx.request({ method, path, as: reader, body }), 403, "forbidden");
      expectProblem(await ctx.request({ method, path, as: stranger, body }), 404, "appointment_not_found");
    }
    expectProblem(
      await ctx.request({ path: `/api/v1/appointments/${appointment.id}`, as: stranger }),
      404,
      "appointment_not_found",
    );
    expectProblem(
      await ctx.request({ path: `/api/v1/appointments/${appointment.id}/ics`, as: stranger }),
      404,
      "appointment_not_found",
    );
    const range = await ctx.request({
      path: "/api/v1/appointments?from=2026-08-01T00:00:00Z&to=2026-10-01T00:00:00Z",
      as: stranger,
    });
    expect(JSON.stringify(range.body)).not.toContain("acme-secret-meeting");
    expect((await fetch(`${ctx.baseUrl}/api/v1/calendar-feeds/${"x".repeat(43)}/calendar.ics`)).status).toBe(
      404,
    );
  });
});
