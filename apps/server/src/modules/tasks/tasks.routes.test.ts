import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, expectProblem, listAll, query } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "tasks-ws" });
  member = await ctx.createUser({ role: "member", workspace: "tasks-ws" });
  reader = await ctx.createUser({ role: "readonly", workspace: "tasks-ws" });
  stranger = await ctx.createUser({ role: "admin", workspace: "tasks-other" });
});
afterAll(() => ctx.close());

async function createTask(as: TestUser, body: Record<string, unknown>) {
  const response = await ctx.request({ method: "POST", path: "/api/v1/tasks", as, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

describe("tasks", () => {
  it("creates, updates with If-Match and notifies a new assignee once", async () => {
    const person = await buildPerson(ctx, admin);
    const task = await createTask(admin, {
      title: "Angebot schicken",
      dueAt: hours(24),
      priority: "high",
      links: [{ recordType: "person", recordId: person.id }],
    });
    expect(task).toMatchObject({ status: "open", priority: "high", assigneeId: admin.userId, version: 1 });
    const stale = await ctx.request({
      method: "PATCH",
      path: `/api/v1/tasks/${task.id}`,
      as: admin,
      headers: { "if-match": "7" },
      body: { title: "x" },
    });
    expectProblem(stale, 412, "version_conflict");
    const assigned = await ctx.request({
      method: "PATCH",
      path: `/api/v1/tasks/${task.id}`,
      as: admin,
      headers: { "if-match": "1" },
      body: { assigneeId: member.userId },
    });
    expect(assigned.body.assigneeId).toBe(member.userId);
    const inbox = await ctx.request({ path: "/api/v1/notifications", as: member });
    expect(inbox.body.data.filter((n: { recordId: string }) => n.recordId === task.id)).toHaveLength(1);
    expect(inbox.body.data[0]).toMatchObject({ type: "task_assigned", actorId: admin.userId });
    const invalid = await ctx.request({
      method: "POST",
      path: "/api/v1/tasks",
      as: admin,
      body: { title: "x", assigneeId: stranger.userId },
    });
    expect(expectProblem(invalid, 400, "validation_failed")).toEqual(["assigneeId"]);
    const yearly = await ctx.request({
      method: "POST",
      path: "/api/v1/tasks",
      as: admin,
      body: { title: "x", recurrence: "FREQ=YEARLY" },
    });
    expect(expectProblem(yearly, 400, "validation_failed")).toEqual(["recurrence"]);
  });

  it("sorts 'my tasks' into overdue, today and upcoming", async () => {
    const user = await ctx.createUser({ role: "member", workspace: "tasks-ws" });
    const overdue = await createTask(user, { title: "overdue", dueAt: hours(-30) });
    const upcoming = await createTask(user, { title: "upcoming", dueAt: hours(24 * 5) });
    const undated = await createTask(user, { title: "undated" });
    await createTask(user, { title: "done", dueAt: hours(-1), status: "done" });
    await createTask(admin, { title: "someone else's", dueAt: hours(-1) });
    const mine = await ctx.request({ path: "/api/v1/tasks/mine?timeZone=Europe/Berlin", as: user });
    expect(mine.status).toBe(200);
    expect(mine.body.overdue.map((t: { id: string }) => t.id)).toEqual([overdue.id]);
    expect(mine.body.upcoming.map((t: { id: string }) => t.id)).toEqual([upcoming.id, undated.id]);
    const done = await ctx.request({
      method: "POST",
      path: `/api/v1/tasks/${overdue.id}/complete`,
      as: user,
    });
    expect(done.body).toMatchObject({ status: "done" });
    expect(done.body.completedAt).not.toBeNull();
    const after = await ctx.request({ path: "/api/v1/tasks/mine", as: user });
    expect(after.body.overdue).toHaveLength(0);
  });

  it("completing a recurring task creates the next one, keeping local time across DST", async () => {
    const task = await createTask(member, {
      title: "Wochenbericht",
      dueAt: "2026-03-23T08:00:00Z", // Mon 09:00 CET
      reminderAt: "2026-03-23T07:30:00Z",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      timeZone: "Europe/Berlin",
    });
    await ctx.request({ method: "POST", path: `/api/v1/tasks/${task.id}/complete`, as: member });
    const series = await listAll<{
      id: string;
      title: string;
      dueAt: string;
      reminderAt: string;
      status: string;
    }>(ctx, member, "/api/v1/tasks", { "filter[title][eq]": "Wochenbericht" });
    expect(series.map((t) => [t.status, t.dueAt, t.reminderAt])).toEqual([
      ["done", "2026-03-23T08:00:00.000Z", "2026-03-23T07:30:00.000Z"],
      ["open", "2026-03-30T07:00:00.000Z", "2026-03-30T06:30:00.000Z"], // Mon 09:00 CEST
    ]);
  });

  it("lists with filters and linked record, pages without repeats", async () => {
    const person = await buildPerson(ctx, admin);
    for (let i = 0; i < 5; i++) {
      await createTask(admin, {
        title: `linked-${i}`,
        dueAt: "2027-01-01T10:00:00Z",
        links: [{ recordType: "person", recordId: person.id }],
      });
    }
    const rows = await listAll<{ id: string }>(ctx, admin, "/api/v1/tasks", {
      recordId: person.id,
      limit: 2,
    });
    expect(new Set(rows.map((r) => r.id)).size).toBe(5);
    const open = await ctx.request({
      path: `/api/v1/tasks${query({ recordId: person.id, "filter[status][eq]": "done" })}`,
      as: admin,
    });
    expect(open.body.data).toHaveLength(0);
  });

  it("readonly cannot write; other workspaces get 404 and never see tasks", async () => {
    const task = await createTask(admin, { title: "acme-only-task" });
    expect((await ctx.request({ path: `/api/v1/tasks/${task.id}`, as: reader })).status).toBe(200);
    expectProblem(
      await ctx.request({ method: "POST", path: "/api/v1/tasks", as: reader, body: { title: "x" } }),
      403,
      "forbidden",
    );
    for (const [method, path, body] of [
      ["PATCH", `/api/v1/tasks/${task.id}`, { title: "x" }],
      ["POST", `/api/v1/tasks/${task.id}/complete`, undefined],
      ["POST", `/api/v1/tasks/${task.id}/snooze`, { minutes: 5 }],
      ["DELETE", `/api/v1/tasks/${task.id}`, undefined],
    ] as const) {
      expectProblem(await ctx.request({ method, path, as: reader, body }), 403, "forbidden");
      expectProblem(await ctx.request({ method, path, as: stranger, body }), 404, "task_not_found");
    }
    expectProblem(
      await ctx.request({ path: `/api/v1/tasks/${task.id}`, as: stranger }),
      404,
      "task_not_found",
    );
    const theirs = await listAll<{ id: string; title: string }>(ctx, stranger, "/api/v1/tasks", {});
    expect(theirs.map((t) => t.title)).not.toContain("acme-only-task");
    const mine = await ctx.request({ path: "/api/v1/tasks/mine", as: stranger });
    expect(JSON.stringify(mine.body)).not.toContain("acme-only-task");
  });
});
