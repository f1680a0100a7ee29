import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, expectProblem } from "../../test/factories.ts";
import { buildDocument, makePdf } from "../../test/files.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// What hangs on another record in the trash: a child whose parent is in the trash cannot be
// restored alone, a purged activity leaves no dangling `activityId` on tasks, and notifications
// about a record in the trash are not shown until it is restored.
const DAY_MS = 86_400_000;

let ctx: TestContext;
let admin: TestUser;
let anna: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "trash-parents", email: "chefin@example.de" });
  anna = await ctx.createUser({ role: "member", workspace: "trash-parents", email: "anna@example.de" });
});
afterAll(() => ctx.close());

async function call(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await ctx.request({ method, path, as: user, body });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

const create = (path: string, body: unknown, user = admin) => call(user, "POST", path, body, 201);
const remove = (path: string) => call(admin, "DELETE", path, undefined, 204);
const restore = (path: string) => ctx.request({ method: "POST", path: `${path}/restore`, as: admin });

async function auditActions(id: string) {
  const audit = await call(admin, "GET", `/api/v1/audit-log?recordId=${id}`);
  return audit.data.map((entry: { action: string }) => entry.action);
}

async function inTrash(id: string) {
  const trash = await call(admin, "GET", "/api/v1/trash?limit=200");
  return trash.data.some((item: { id: string }) => item.id === id);
}

/** Asserts the 409 `parent_in_trash` problem naming the parent, and that the child stayed in the trash. */
async function expectParentInTrash(
  childPath: string,
  childId: string,
  parent: { recordType: string; id: string; name: string },
) {
  const versionBefore = await ctx.database.raw.query(
    "select version from (select id, version from tasks union all select id, version from comments union all select id, version from documents union all select id, version from appointments) r where id = $1",
    [childId],
  );
  const response = await restore(childPath);
  expectProblem(response, 409, "parent_in_trash");
  expect(response.body.type).toBe("https://kontor.dev/problems/parent-in-trash");
  expect(response.body.parent).toEqual(parent);
  expect(response.body.detail).toContain(parent.name);
  expect(await inTrash(childId)).toBe(true);
  expect(await auditActions(childId)).not.toContain("restore");
  const versionAfter = await ctx.database.raw.query(
    "select version from (select id, version from tasks union all select id, version from comments union all select id, version from documents union all select id, version from appointments) r where id = $1",
    [childId],
  );
  expect(versionAfter.rows).toEqual(versionBefore.rows);
}

describe("restoring a record whose parent is in the trash", () => {
  it("refuses a task of a trashed project until the project is back", async () => {
    const project = await create("/api/v1/projects", { name: "Umzug Lager" });
    const task = await create("/api/v1/tasks", { title: "Kisten packen", projectId: project.id });
    await remove(`/api/v1/tasks/${task.id}`);
    await remove(`/api/v1/projects/${project.id}`);

    await expectParentInTrash(`/api/v1/tasks/${task.id}`, task.id, {
      recordType: "project",
      id: project.id,
      name: "Umzug Lager",
    });

    expect((await restore(`/api/v1/projects/${project.id}`)).status).toBe(200);
    const back = await restore(`/api/v1/tasks/${task.id}`);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.projectId).toBe(project.id);
  });

  it("refuses comments and documents on a trashed person; an activity linked to one is no child", async () => {
    const person = await buildPerson(ctx, admin, { firstName: "Petra", lastName: "Papierkorb" });
    const onPerson = { recordType: "person", recordId: person.id };
    const comment = await create("/api/v1/comments", { ...onPerson, body: "Rückruf erbeten" });
    const document = await buildDocument(ctx, admin, {
      ...onPerson,
      name: "Vertrag.pdf",
      data: makePdf("v"),
    });
    const activity = await create("/api/v1/activities", {
      type: "note",
      subject: "Notiz",
      links: [{ recordType: "person", recordId: person.id }],
    });
    await remove(`/api/v1/comments/${comment.id}`);
    await remove(`/api/v1/documents/${document.id}`);
    await remove(`/api/v1/activities/${activity.id}`);
    await remove(`/api/v1/people/${person.id}`);

    const parent = { recordType: "person", id: person.id, name: "Petra Papierkorb" };
    await expectParentInTrash(`/api/v1/comments/${comment.id}`, comment.id, parent);
    await expectParentInTrash(`/api/v1/documents/${document.id}`, document.id, parent);
    // links are no parent: an activity stays live when a linked person is deleted, so it may come back
    expect((await restore(`/api/v1/activities/${activity.id}`)).status).toBe(200);

    expect((await restore(`/api/v1/people/${person.id}`)).status).toBe(200);
    expect((await restore(`/api/v1/comments/${comment.id}`)).status).toBe(200);
    expect((await restore(`/api/v1/documents/${document.id}`)).status).toBe(200);
  });

  it("refuses a moved occurrence of a trashed series; the series brings it back", async () => {
    const series = await create("/api/v1/appointments", {
      title: "Jour fixe",
      startsAt: "2026-10-12T09:00:00+02:00",
      endsAt: "2026-10-12T09:30:00+02:00",
      timeZone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
    });
    const moved = await call(
      admin,
      "PATCH",
      `/api/v1/appointments/${series.id}/occurrences/${encodeURIComponent("2026-10-19T07:00:00.000Z")}`,
      { scope: "occurrence", startsAt: "2026-10-20T09:00:00+02:00", endsAt: "2026-10-20T09:30:00+02:00" },
    );
    await remove(`/api/v1/appointments/${series.id}`);

    await expectParentInTrash(`/api/v1/appointments/${moved.id}`, moved.id, {
      recordType: "appointment",
      id: series.id,
      name: "Jour fixe",
    });
    expect((await restore(`/api/v1/appointments/${series.id}`)).status).toBe(200);
    expect((await call(admin, "GET", `/api/v1/appointments/${moved.id}`)).seriesId).toBe(series.id);
  });
});

describe("purging an activity", () => {
  it("clears the activityId of tasks that followed it up, live or in the trash", async () => {
    const activity = await create("/api/v1/activities", { type: "call", subject: "Erstgespräch" });
    const live = await create(`/api/v1/activities/${activity.id}/follow-up`, {
      days: 2,
      timeZone: "Europe/Berlin",
    });
    const trashed = await create(`/api/v1/activities/${activity.id}/follow-up`, {
      days: 3,
      timeZone: "Europe/Berlin",
    });
    expect(live.activityId).toBe(activity.id);
    await remove(`/api/v1/tasks/${trashed.id}`);
    await remove(`/api/v1/activities/${activity.id}`);
    // the activity expired long ago, the trashed task only just went to the trash
    await ctx.database.raw.query(
      "update activities set deleted_at = now() - interval '40 days' where id = $1",
      [activity.id],
    );

    expect(await ctx.services.trash.purgeExpired(new Date(Date.now() + DAY_MS))).toBe(1);
    const { rows } = await ctx.database.raw.query<{ id: string; activity_id: string | null }>(
      "select id, activity_id from tasks where id = any($1::uuid[]) order by id",
      [[live.id, trashed.id]],
    );
    expect(rows.map((row) => row.activity_id)).toEqual([null, null]);
    expect((await call(admin, "GET", `/api/v1/tasks/${live.id}`)).activityId).toBeNull();
    expect((await restore(`/api/v1/tasks/${trashed.id}`)).body.activityId).toBeNull();
  });
});

describe("notifications about a record in the trash", () => {
  async function notificationsOf(user: TestUser) {
    const list = await call(user, "GET", "/api/v1/notifications?limit=100");
    return {
      records: list.data.map((n: { type: string; recordId: string }) => `${n.type}:${n.recordId}`),
      unread: list.unreadCount as number,
    };
  }

  it("are left out of the list, the unread count and the stream until the record is restored", async () => {
    const person = await buildPerson(ctx, admin, { lastName: "Erwähnt" });
    const task = await create("/api/v1/tasks", { title: "Angebot schreiben", assigneeId: anna.userId });
    await create("/api/v1/comments", {
      recordType: "person",
      recordId: person.id,
      body: "@anna bitte melden",
    });
    const before = await notificationsOf(anna);
    expect(before.records).toEqual(
      expect.arrayContaining([`task_assigned:${task.id}`, `mention:${person.id}`]),
    );

    await remove(`/api/v1/tasks/${task.id}`);
    await remove(`/api/v1/people/${person.id}`);
    const hidden = await notificationsOf(anna);
    expect(hidden.records).not.toContain(`task_assigned:${task.id}`);
    expect(hidden.records).not.toContain(`mention:${person.id}`);
    expect(hidden.unread).toBe(before.unread - 2);
    const actor = {
      userId: anna.userId,
      workspaceId: anna.workspaceId,
      role: anna.role,
      via: "api_key" as const,
    };
    const streamed = await ctx.services.notifications.since(actor, "00000000-0000-0000-0000-000000000000");
    expect(streamed.map((n) => n.recordId)).not.toContain(task.id);

    expect((await restore(`/api/v1/tasks/${task.id}`)).status).toBe(200);
    expect((await restore(`/api/v1/people/${person.id}`)).status).toBe(200);
    expect(await notificationsOf(anna)).toEqual(before);

    // a purge takes the notifications about the purged record along
    await remove(`/api/v1/tasks/${task.id}`);
    await ctx.database.raw.query("update tasks set deleted_at = now() - interval '40 days' where id = $1", [
      task.id,
    ]);
    await ctx.services.trash.purgeExpired();
    const { rows } = await ctx.database.raw.query("select id from notifications where record_id = $1", [
      task.id,
    ]);
    expect(rows).toEqual([]);
  });
});
