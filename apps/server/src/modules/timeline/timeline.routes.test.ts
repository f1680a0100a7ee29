import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
  stranger = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

async function post(path: string, body: Record<string, unknown>, as = admin) {
  const response = await ctx.request({ method: "POST", path, as, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function readTimeline(path: string, limit: number, extra = "") {
  const items: { kind: string; id: string; at: string }[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response = await ctx.request({
      path: `${path}?limit=${limit}${extra}${cursor ? `&cursor=${cursor}` : ""}`,
      as: admin,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    items.push(...response.body.data);
    cursor = response.body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

describe("GET /api/v1/{people,companies}/:id/timeline", () => {
  it("merges activities, tasks, appointments, comments and audit events newest first; a company's includes its people", async () => {
    const company = await buildCompany(ctx, admin);
    const person = await buildPerson(ctx, admin, { companyId: company.id });
    const other = await buildPerson(ctx, admin);
    const link = [{ recordType: "person", recordId: person.id }];
    const call = await post("/api/v1/activities", {
      type: "call",
      subject: "call",
      occurredAt: "2030-01-05T10:00:00Z",
      links: link,
    });
    const note = await post("/api/v1/activities", {
      type: "note",
      subject: "old note",
      occurredAt: "2020-01-01T10:00:00Z",
      links: [{ recordType: "company", recordId: company.id }],
    });
    await post("/api/v1/activities", {
      type: "note",
      subject: "unrelated",
      links: [{ recordType: "person", recordId: other.id }],
    });
    const task = await post("/api/v1/tasks", { title: "task", links: link });
    const appointment = await post("/api/v1/appointments", {
      title: "meeting",
      startsAt: "2029-06-01T08:00:00Z",
      endsAt: "2029-06-01T09:00:00Z",
      links: link,
    });
    const comment = await post("/api/v1/comments", {
      recordType: "person",
      recordId: person.id,
      body: "hello",
    });

    const personTimeline = await readTimeline(`/api/v1/people/${person.id}/timeline`, 50);
    const kinds = personTimeline.map((item) => `${item.kind}:${item.id}`);
    expect(kinds.slice(0, 2)).toEqual([`activity:${call.id}`, `appointment:${appointment.id}`]);
    expect(kinds).toContain(`task:${task.id}`);
    expect(kinds).toContain(`comment:${comment.id}`);
    expect(personTimeline.some((item) => item.kind === "audit")).toBe(true);
    expect(kinds).not.toContain(`activity:${note.id}`);
    const ats = personTimeline.map((item) => item.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    const companyTimeline = await readTimeline(`/api/v1/companies/${company.id}/timeline`, 50);
    const companyKinds = companyTimeline.map((item) => `${item.kind}:${item.id}`);
    expect(companyKinds).toContain(`activity:${call.id}`);
    expect(companyKinds).toContain(`activity:${note.id}`);
    expect(companyKinds.at(-1)).toBe(`activity:${note.id}`);
    expect(companyTimeline.filter((item) => item.kind === "activity")).toHaveLength(2);

    const onlyActivities = await readTimeline(
      `/api/v1/companies/${company.id}/timeline`,
      50,
      "&types=activity",
    );
    expect(onlyActivities.map((item) => item.id)).toEqual([call.id, note.id]);
    const first = companyTimeline.find((item) => item.kind === "activity") as unknown as {
      activity: { subject: string };
    };
    expect(first.activity.subject).toBe("call");
  });

  it("pages stably over items with the same time, also while new items arrive", async () => {
    const person = await buildPerson(ctx, admin);
    const created: string[] = [];
    for (let i = 0; i < 9; i++) {
      const activity = await post("/api/v1/activities", {
        type: "note",
        subject: `same-${i}`,
        occurredAt: "2025-02-02T12:00:00Z",
        links: [{ recordType: "person", recordId: person.id }],
      });
      created.push(activity.id);
    }
    const path = `/api/v1/people/${person.id}/timeline`;
    const first = await ctx.request({ path: `${path}?limit=4&types=activity`, as: admin });
    expect(first.body.data).toHaveLength(4);
    // a newer item arrives between pages: it must not shift later pages
    await post("/api/v1/activities", {
      type: "note",
      subject: "late",
      occurredAt: "2025-02-02T12:00:00Z",
      links: [{ recordType: "person", recordId: person.id }],
    });
    const rest = await readTimeline(path, 4, "&types=activity");
    const seen = [...first.body.data.map((item: { id: string }) => item.id)];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await ctx.request({ path: `${path}?limit=4&types=activity&cursor=${cursor}`, as: admin });
      seen.push(...page.body.data.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual([...created].reverse());
    expect(rest).toHaveLength(10);
    expect(new Set(rest.map((item) => item.id)).size).toBe(10);
  });

  it("rejects bad cursors and types; 404 for other workspaces", async () => {
    const person = await buildPerson(ctx, admin);
    expectProblem(
      await ctx.request({ path: `/api/v1/people/${person.id}/timeline?cursor=garbage`, as: admin }),
      400,
      "invalid_cursor",
    );
    expectProblem(
      await ctx.request({ path: `/api/v1/people/${person.id}/timeline?types=fax`, as: admin }),
      400,
      "validation_failed",
    );
    expectProblem(
      await ctx.request({ path: `/api/v1/people/${person.id}/timeline`, as: stranger }),
      404,
      "person_not_found",
    );
    const company = await buildCompany(ctx, admin);
    expectProblem(
      await ctx.request({ path: `/api/v1/companies/${company.id}/timeline`, as: stranger }),
      404,
      "company_not_found",
    );
  });
});
