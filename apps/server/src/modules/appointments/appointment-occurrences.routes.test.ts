import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// Exceptions of a series (decision 0010). The weekly series runs Mondays 09:00 in Berlin across
// the end of summer time on Sunday 2026-10-25: 07:00Z before, 08:00Z after.

let ctx: TestContext;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  member = await ctx.createUser({ role: "member", workspace: "occ-ws" });
  reader = await ctx.createUser({ role: "readonly", workspace: "occ-ws" });
  stranger = await ctx.createUser({ role: "admin", workspace: "occ-other" });
});
afterAll(() => ctx.close());

async function createSeries(body: Record<string, unknown> = {}) {
  const response = await ctx.request({
    method: "POST",
    path: "/api/v1/appointments",
    as: member,
    body: {
      title: "Jour fixe",
      startsAt: "2026-10-12T09:00:00+02:00",
      endsAt: "2026-10-12T09:30:00+02:00",
      timeZone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      ...body,
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const occurrencePath = (id: string, start: string) =>
  `/api/v1/appointments/${id}/occurrences/${encodeURIComponent(start)}`;

type Occurrence = {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  seriesId: string | null;
  originalStartsAt: string | null;
};

/** Occurrences of the series and its exceptions in October/November 2026, as [start, kind]. */
async function occurrencesOf(seriesId: string) {
  const range = await ctx.request({
    path: "/api/v1/appointments?from=2026-10-01T00:00:00Z&to=2026-11-20T00:00:00Z",
    as: member,
  });
  expect(range.status).toBe(200);
  return (range.body.data as Occurrence[])
    .filter((o) => o.appointmentId === seriesId || o.seriesId === seriesId)
    .map((o) => [o.startsAt, o.appointmentId === seriesId ? "series" : `moved from ${o.originalStartsAt}`]);
}

describe("occurrences of a series", () => {
  it("moves one occurrence after the DST change as an exception; the others stay", async () => {
    const person = await buildPerson(ctx, member);
    const series = await createSeries({
      attendees: [{ type: "person", id: person.id }],
      links: [{ recordType: "person", recordId: person.id }],
    });
    const moved = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-26T08:00:00.000Z"),
      as: member,
      body: {
        scope: "occurrence",
        startsAt: "2026-10-27T10:00:00+01:00",
        endsAt: "2026-10-27T10:45:00+01:00",
      },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      seriesId: series.id,
      originalStartsAt: "2026-10-26T08:00:00.000Z",
      startsAt: "2026-10-27T09:00:00.000Z",
      endsAt: "2026-10-27T09:45:00.000Z",
      recurrence: null,
      title: "Jour fixe",
      attendees: [{ type: "person", id: person.id }],
      links: [{ recordType: "person", recordId: person.id }],
    });
    expect(await occurrencesOf(series.id)).toEqual([
      ["2026-10-12T07:00:00.000Z", "series"],
      ["2026-10-19T07:00:00.000Z", "series"],
      ["2026-10-27T09:00:00.000Z", "moved from 2026-10-26T08:00:00.000Z"],
      ["2026-11-02T08:00:00.000Z", "series"],
      ["2026-11-09T08:00:00.000Z", "series"],
      ["2026-11-16T08:00:00.000Z", "series"],
    ]);

    // the same occurrence again: its exception changes, no second one appears
    const again = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-26T08:00:00.000Z"),
      as: member,
      body: { scope: "occurrence", title: "Jour fixe (verschoben)" },
    });
    expect(again.body).toMatchObject({ id: moved.body.id, title: "Jour fixe (verschoben)", version: 2 });

    // an exception cannot repeat
    const repeat = await ctx.request({
      method: "PATCH",
      path: `/api/v1/appointments/${moved.body.id}`,
      as: member,
      body: { recurrence: "FREQ=DAILY" },
    });
    expect(expectProblem(repeat, 400, "validation_failed")).toEqual(["recurrence"]);
  });

  it("keeps an all-day occurrence a whole day in the series' zone when it lands on the DST change", async () => {
    // all day on Mondays in Berlin from 12 October 2026 (00:00 CEST = 22:00Z the day before)
    const series = await createSeries({
      title: "Homeoffice",
      allDay: true,
      startsAt: "2026-10-11T22:00:00.000Z",
      endsAt: "2026-10-12T22:00:00.000Z",
      recurrence: "FREQ=WEEKLY;COUNT=4",
    });
    // Monday 19th moves to Sunday 25th, the 25-hour day summer time ends: 00:00 CEST to 00:00 CET
    const moved = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-18T22:00:00.000Z"),
      as: member,
      body: { scope: "occurrence", startsAt: "2026-10-24T22:00:00.000Z" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      allDay: true,
      startsAt: "2026-10-24T22:00:00.000Z",
      endsAt: "2026-10-25T23:00:00.000Z",
    });
    // the occurrences in the range stay whole days in Berlin on either side of the change
    const range = await ctx.request({
      path: "/api/v1/appointments?from=2026-10-01T00:00:00Z&to=2026-11-20T00:00:00Z",
      as: member,
    });
    const days = (range.body.data as Occurrence[])
      .filter((o) => o.appointmentId === series.id || o.seriesId === series.id)
      .map((o) => [o.startsAt, o.endsAt]);
    expect(days).toEqual([
      ["2026-10-11T22:00:00.000Z", "2026-10-12T22:00:00.000Z"],
      ["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"],
      ["2026-10-25T23:00:00.000Z", "2026-10-26T23:00:00.000Z"],
      ["2026-11-01T23:00:00.000Z", "2026-11-02T23:00:00.000Z"],
    ]);

    // a daily all-day series: its occurrence on the change day is 25 hours long as well
    const daily = await createSeries({
      title: "Bereitschaft",
      allDay: true,
      startsAt: "2026-10-23T22:00:00.000Z",
      endsAt: "2026-10-24T22:00:00.000Z",
      recurrence: "FREQ=DAILY;COUNT=3",
    });
    const dailyRange = await ctx.request({
      path: "/api/v1/appointments?from=2026-10-20T00:00:00Z&to=2026-10-30T00:00:00Z",
      as: member,
    });
    expect(
      (dailyRange.body.data as Occurrence[])
        .filter((o) => o.appointmentId === daily.id)
        .map((o) => [o.startsAt, o.endsAt]),
    ).toEqual([
      ["2026-10-23T22:00:00.000Z", "2026-10-24T22:00:00.000Z"],
      ["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"],
      ["2026-10-25T23:00:00.000Z", "2026-10-26T23:00:00.000Z"],
    ]);
  });

  it("answers 404 for a start that is not an occurrence, 403 for readonly, 404 across workspaces", async () => {
    const series = await createSeries();
    // 07:00Z is 09:00 only in summer time: after the change the occurrence starts at 08:00Z
    for (const start of [
      "2026-10-26T07:00:00.000Z",
      "2026-10-13T07:00:00.000Z",
      "2026-10-05T07:00:00.000Z",
    ]) {
      expectProblem(
        await ctx.request({
          method: "PATCH",
          path: occurrencePath(series.id, start),
          as: member,
          body: { scope: "occurrence", title: "x" },
        }),
        404,
        "occurrence_not_found",
      );
      expectProblem(
        await ctx.request({ method: "DELETE", path: occurrencePath(series.id, start), as: member }),
        404,
        "occurrence_not_found",
      );
    }
    const single = await ctx.request({
      method: "POST",
      path: "/api/v1/appointments",
      as: member,
      body: { title: "once", startsAt: "2026-10-12T07:00:00Z", endsAt: "2026-10-12T08:00:00Z" },
    });
    expectProblem(
      await ctx.request({
        method: "DELETE",
        path: occurrencePath(single.body.id, "2026-10-12T07:00:00.000Z"),
        as: member,
      }),
      404,
      "occurrence_not_found",
    );
    const badBody = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-19T07:00:00.000Z"),
      as: member,
      body: { scope: "sometimes", recurrence: "FREQ=DAILY" },
    });
    expect(badBody.status).toBe(400);
    expect(
      (await ctx.request({ method: "DELETE", path: occurrencePath(series.id, "not-a-date"), as: member }))
        .status,
    ).toBe(400);

    const path = occurrencePath(series.id, "2026-10-19T07:00:00.000Z");
    const body = { scope: "occurrence", startsAt: "2026-10-20T07:00:00Z", endsAt: "2026-10-20T07:30:00Z" };
    expectProblem(await ctx.request({ method: "PATCH", path, as: reader, body }), 403, "forbidden");
    expectProblem(await ctx.request({ method: "DELETE", path, as: reader }), 403, "forbidden");
    expectProblem(
      await ctx.request({ method: "PATCH", path, as: stranger, body }),
      404,
      "appointment_not_found",
    );
    expectProblem(await ctx.request({ method: "DELETE", path, as: stranger }), 404, "appointment_not_found");
    expect(await occurrencesOf(series.id)).toHaveLength(6);
    const unchanged = await ctx.request({ path: `/api/v1/appointments/${series.id}`, as: member });
    expect(unchanged.body).toMatchObject({ version: 1, excludedStarts: [] });
  });

  it("deletes one occurrence (EXDATE); a deleted moved occurrence stays out of the series", async () => {
    const series = await createSeries();
    const removed = await ctx.request({
      method: "DELETE",
      path: occurrencePath(series.id, "2026-11-02T08:00:00.000Z"),
      as: member,
    });
    expect(removed.status).toBe(204);
    expectProblem(
      await ctx.request({
        method: "DELETE",
        path: occurrencePath(series.id, "2026-11-02T08:00:00.000Z"),
        as: member,
      }),
      404,
      "occurrence_not_found",
    );
    const moved = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-19T07:00:00.000Z"),
      as: member,
      body: { scope: "occurrence", startsAt: "2026-10-21T07:00:00Z", endsAt: "2026-10-21T07:30:00Z" },
    });
    const deleted = await ctx.request({
      method: "DELETE",
      path: `/api/v1/appointments/${moved.body.id}`,
      as: member,
    });
    expect(deleted.status).toBe(204);
    const after = await ctx.request({ path: `/api/v1/appointments/${series.id}`, as: member });
    expect(after.body.excludedStarts).toEqual(["2026-10-19T07:00:00.000Z", "2026-11-02T08:00:00.000Z"]);
    expect(await occurrencesOf(series.id)).toEqual([
      ["2026-10-12T07:00:00.000Z", "series"],
      ["2026-10-26T08:00:00.000Z", "series"],
      ["2026-11-09T08:00:00.000Z", "series"],
      ["2026-11-16T08:00:00.000Z", "series"],
    ]);
  });

  it("moves the whole series by one occurrence's wall-clock move; exclusions and exceptions follow", async () => {
    const series = await createSeries();
    await ctx.request({
      method: "DELETE",
      path: occurrencePath(series.id, "2026-11-02T08:00:00.000Z"),
      as: member,
    });
    const exception = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-19T07:00:00.000Z"),
      as: member,
      body: { scope: "occurrence", startsAt: "2026-10-19T12:00:00Z", endsAt: "2026-10-19T12:30:00Z" },
    });
    const current = (await ctx.request({ path: `/api/v1/appointments/${series.id}`, as: member })).body;
    const stale = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-26T08:00:00.000Z"),
      as: member,
      headers: { "if-match": String(current.version - 1) },
      body: { scope: "series", startsAt: "2026-10-27T08:00:00Z", endsAt: "2026-10-27T08:30:00Z" },
    });
    expectProblem(stale, 412, "version_conflict");

    // Monday 26 Oct 09:00 CET -> Tuesday 27 Oct 09:00 CET, one hour longer
    const moved = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-26T08:00:00.000Z"),
      as: member,
      headers: { "if-match": String(current.version) },
      body: { scope: "series", startsAt: "2026-10-27T08:00:00Z", endsAt: "2026-10-27T09:30:00Z" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      id: series.id,
      startsAt: "2026-10-13T07:00:00.000Z",
      endsAt: "2026-10-13T08:30:00.000Z",
      recurrence: "FREQ=WEEKLY;BYDAY=TU",
      excludedStarts: ["2026-11-03T08:00:00.000Z"],
    });
    const movedException = await ctx.request({
      path: `/api/v1/appointments/${exception.body.id}`,
      as: member,
    });
    expect(movedException.body).toMatchObject({
      originalStartsAt: "2026-10-20T07:00:00.000Z",
      startsAt: "2026-10-19T12:00:00.000Z",
    });
    expect(await occurrencesOf(series.id)).toEqual([
      ["2026-10-13T07:00:00.000Z", "series"],
      ["2026-10-19T12:00:00.000Z", "moved from 2026-10-20T07:00:00.000Z"],
      ["2026-10-27T08:00:00.000Z", "series"],
      ["2026-11-10T08:00:00.000Z", "series"],
      ["2026-11-17T08:00:00.000Z", "series"],
    ]);

    // deleting the series deletes its exceptions too
    expect(
      (await ctx.request({ method: "DELETE", path: `/api/v1/appointments/${series.id}`, as: member })).status,
    ).toBe(204);
    expect(await occurrencesOf(series.id)).toEqual([]);
    expect(
      (await ctx.request({ path: `/api/v1/appointments/${exception.body.id}`, as: member })).status,
    ).toBe(404);
  });
  it("trashes a series with its moved occurrence; a restore brings both back, and the trash lists them", async () => {
    const series = await createSeries({ title: "Serie im Papierkorb" });
    const moved = await ctx.request({
      method: "PATCH",
      path: occurrencePath(series.id, "2026-10-19T07:00:00.000Z"),
      as: member,
      body: { scope: "occurrence", startsAt: "2026-10-20T07:00:00.000Z", endsAt: "2026-10-20T07:30:00.000Z" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const before = await occurrencesOf(series.id);

    const removed = await ctx.request({
      method: "DELETE",
      path: `/api/v1/appointments/${series.id}`,
      as: member,
    });
    expect(removed.status).toBe(204);
    expect(await occurrencesOf(series.id), "the moved occurrence leaves with its series").toEqual([]);
    const exception = await ctx.request({ path: `/api/v1/appointments/${moved.body.id}`, as: member });
    expect(exception.status).toBe(404);
    const trash = await ctx.request({ path: "/api/v1/trash?recordType=appointment", as: member });
    expect((trash.body.data as { id: string }[]).map((item) => item.id)).toEqual(
      expect.arrayContaining([series.id, moved.body.id]),
    );

    const restored = await ctx.request({
      method: "POST",
      path: `/api/v1/appointments/${series.id}/restore`,
      as: member,
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(await occurrencesOf(series.id), "both come back exactly as they were").toEqual(before);
  });
});
