import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, expectProblem, listAll, query } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "acme" });
  member = await ctx.createUser({ role: "member", workspace: "acme" });
  reader = await ctx.createUser({ role: "readonly", workspace: "acme" });
  stranger = await ctx.createUser({ role: "admin", workspace: "other" });
});
afterAll(() => ctx.close());

async function logActivity(as: TestUser, body: Record<string, unknown>) {
  const response = await ctx.request({ method: "POST", path: "/api/v1/activities", as, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe("POST /api/v1/activities", () => {
  it("logs a call with direction, duration, outcome and links", async () => {
    const person = await buildPerson(ctx, admin);
    const company = await buildCompany(ctx, admin);
    const call = await logActivity(member, {
      type: "call",
      subject: "Angebot besprochen",
      direction: "outbound",
      durationMinutes: 12,
      outcome: "reached",
      occurredAt: "2026-03-02T10:15:00+01:00",
      links: [
        { recordType: "person", recordId: person.id },
        { recordType: "company", recordId: company.id },
      ],
    });
    expect(call).toMatchObject({
      type: "call",
      direction: "outbound",
      durationMinutes: 12,
      outcome: "reached",
      occurredAt: "2026-03-02T09:15:00.000Z",
      authorId: member.userId,
      version: 1,
    });
    expect(call.links).toHaveLength(2);
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${call.id}`, as: admin });
    expect(audit.body.data[0]).toMatchObject({ action: "create", recordType: "activity" });
  });

  it("stores a <script> or onerror= payload in a note inert", async () => {
    const note = await logActivity(member, {
      type: "note",
      subject: "Paste",
      body: '<p>Hallo <b>Welt</b><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a></p><iframe src="https://evil"></iframe>',
    });
    expect(note.body).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(note.body).toContain("<b>Welt</b>");
    const stored = await ctx.database.raw.query<{ body_html: string }>(
      "select body_html from activities where id = $1",
      [note.id],
    );
    expect(stored.rows[0]!.body_html).not.toMatch(/<script|onerror|javascript:/i);
    const patched = await ctx.request({
      method: "PATCH",
      path: `/api/v1/activities/${note.id}`,
      as: member,
      body: { body: '<svg onload="alert(1)"></svg><p onclick="x()">ok</p>' },
    });
    expect(patched.body.body).toBe("<p>ok</p>");
  });

  it("drops call fields from other types and validates links", async () => {
    const note = await logActivity(member, { type: "note", subject: "n", durationMinutes: 5 });
    expect(note.durationMinutes).toBeNull();
    const missing = await ctx.request({
      method: "POST",
      path: "/api/v1/activities",
      as: member,
      body: { type: "note", subject: "x", links: [{ recordType: "person", recordId: stranger.userId }] },
    });
    expect(expectProblem(missing, 400, "validation_failed")).toEqual(["links.0.recordId"]);
    const badType = await ctx.request({
      method: "POST",
      path: "/api/v1/activities",
      as: member,
      body: { type: "fax", subject: "x" },
    });
    expectProblem(badType, 400, "validation_failed");
  });
});

describe("permissions and isolation", () => {
  it("readonly reads but cannot write (403)", async () => {
    const note = await logActivity(admin, { type: "note", subject: "r" });
    expect((await ctx.request({ path: `/api/v1/activities/${note.id}`, as: reader })).status).toBe(200);
    expectProblem(
      await ctx.request({
        method: "POST",
        path: "/api/v1/activities",
        as: reader,
        body: { type: "note", subject: "x" },
      }),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/activities/${note.id}`,
        as: reader,
        body: { subject: "y" },
      }),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/activities/${note.id}`, as: reader }),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({
        method: "POST",
        path: `/api/v1/activities/${note.id}/follow-up`,
        as: reader,
        body: { days: 3 },
      }),
      403,
      "forbidden",
    );
  });

  it("answers 404 for another workspace's activity and never lists it", async () => {
    const note = await logActivity(admin, { type: "note", subject: "secret-acme" });
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const response = await ctx.request({
        method,
        path: `/api/v1/activities/${note.id}`,
        as: stranger,
        ...(method === "PATCH" ? { body: { subject: "x" } } : {}),
      });
      expectProblem(response, 404, "activity_not_found");
    }
    expectProblem(
      await ctx.request({
        method: "POST",
        path: `/api/v1/activities/${note.id}/follow-up`,
        as: stranger,
        body: { days: 1 },
      }),
      404,
      "activity_not_found",
    );
    const theirs = await listAll<{ id: string; subject: string }>(ctx, stranger, "/api/v1/activities", {});
    expect(theirs.map((a) => a.subject)).not.toContain("secret-acme");
  });

  it("rejects unauthenticated requests", async () => {
    expectProblem(await ctx.request({ path: "/api/v1/activities" }), 401, "unauthenticated");
  });
});

describe("GET /api/v1/activities", () => {
  it("filters by type and linked record and pages without repeats", async () => {
    const person = await buildPerson(ctx, admin);
    for (let i = 0; i < 7; i++) {
      await logActivity(member, {
        type: i % 2 ? "call" : "meeting",
        subject: `paging-${i}`,
        occurredAt: "2026-05-01T10:00:00Z",
        links: [{ recordType: "person", recordId: person.id }],
      });
    }
    const all = await listAll<{ id: string; type: string }>(ctx, member, "/api/v1/activities", {
      recordId: person.id,
      limit: 2,
    });
    expect(all).toHaveLength(7);
    expect(new Set(all.map((a) => a.id)).size).toBe(7);
    const calls = await ctx.request({
      path: `/api/v1/activities${query({ recordId: person.id, "filter[type][eq]": "call" })}`,
      as: member,
    });
    expect(calls.body.data).toHaveLength(3);
    expectProblem(
      await ctx.request({ path: `/api/v1/activities${query({ "filter[nope][eq]": "x" })}`, as: member }),
      400,
      "invalid_filter",
    );
  });
});

describe("POST /api/v1/activities/:id/follow-up", () => {
  it("creates a task due in N days at 09:00 local time, linked like the activity", async () => {
    const person = await buildPerson(ctx, admin);
    const call = await logActivity(member, {
      type: "call",
      subject: "Rückruf",
      links: [{ recordType: "person", recordId: person.id }],
    });
    const response = await ctx.request({
      method: "POST",
      path: `/api/v1/activities/${call.id}/follow-up`,
      as: member,
      body: { days: 3, timeZone: "Europe/Berlin" },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      title: "Follow up: Rückruf",
      activityId: call.id,
      assigneeId: member.userId,
      status: "open",
      links: [{ recordType: "person", recordId: person.id }],
    });
    const due = new Date(response.body.dueAt);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      hour: "2-digit",
      minute: "2-digit",
    }).format(due);
    expect(local).toBe("09:00");
    expect(due.getTime() - Date.now()).toBeGreaterThan(2 * 86_400_000 - 3600_000);
    expect(due.getTime() - Date.now()).toBeLessThan(4 * 86_400_000);
  });
});
