import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, buildWorkspace, expectProblem, query } from "../../test/factories.ts";
import { buildDocument, fetchRaw, makePdf } from "../../test/files.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// Each kind of record: a delete hides it from every place that shows it, a restore brings it
// back exactly as it was (links, versions, attendees), with "delete" and "restore" audit entries.
let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

const HOUR = 3_600_000;

async function call(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await ctx.request({ method, path, as: user, body });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

const create = (user: TestUser, path: string, body: unknown) => call(user, "POST", path, body, 201);
const remove = (user: TestUser, path: string) => call(user, "DELETE", path, undefined, 204);
const restore = (user: TestUser, path: string) => call(user, "POST", `${path}/restore`, undefined, 200);
const ids = (items: { id: string }[]) => items.map((item) => item.id);

async function timelineIds(user: TestUser, personId: string) {
  return ids((await call(user, "GET", `/api/v1/people/${personId}/timeline?limit=100`)).data);
}

async function auditActions(user: TestUser, id: string) {
  const audit = await call(user, "GET", `/api/v1/audit-log?recordId=${id}`);
  return audit.data.map((entry: { action: string }) => entry.action);
}

describe("activities in the trash", () => {
  it("leave lists, GET, timelines and 'no activity' segments; restore brings them back with links", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const person = await buildPerson(ctx, user, { lastName: "Aktiv" });
    const note = await create(user, "/api/v1/activities", {
      type: "note",
      subject: "Notiz im Papierkorb",
      links: [{ recordType: "person", recordId: person.id }],
    });
    const idle = () =>
      call(user, "POST", "/api/v1/segments/preview", {
        object: "person",
        definition: { match: "all", conditions: [{ field: "lastActivityAt", op: "isNull", value: "true" }] },
      });
    expect((await idle()).count).toBe(0);

    await remove(user, `/api/v1/activities/${note.id}`);
    expectProblem(
      await ctx.request({ path: `/api/v1/activities/${note.id}`, as: user }),
      404,
      "activity_not_found",
    );
    expect((await call(user, "GET", `/api/v1/activities?recordId=${person.id}`)).data).toEqual([]);
    expect(await timelineIds(user, person.id)).not.toContain(note.id);
    expect((await idle()).count).toBe(1); // a deleted activity does not count as activity
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/activities/${note.id}`,
        as: user,
        body: { subject: "x" },
      }),
      404,
      "activity_not_found",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/activities/${note.id}`, as: user }),
      404,
      "activity_not_found",
    );

    const back = await restore(user, `/api/v1/activities/${note.id}`);
    expect(back).toMatchObject({
      id: note.id,
      subject: note.subject,
      body: note.body,
      version: note.version + 2,
    });
    expect(back.links).toEqual(note.links);
    expect(ids((await call(user, "GET", `/api/v1/activities?recordId=${person.id}`)).data)).toEqual([
      note.id,
    ]);
    expect(await timelineIds(user, person.id)).toContain(note.id);
    expect((await idle()).count).toBe(0);
    expect(await auditActions(user, note.id)).toEqual(["restore", "delete", "create"]);
    const { rows } = await ctx.database.raw.query<{ type: string }>(
      "select type from domain_events where record_id = $1 order by id",
      [note.id],
    );
    expect(rows.map((row) => row.type)).toEqual([
      "activity.created",
      "activity.deleted",
      "activity.restored",
    ]);
  });
});

describe("tasks in the trash", () => {
  it("leave lists, My tasks, a project's tasks and timelines, and never remind until restored", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const person = await buildPerson(ctx, user);
    const project = await create(user, "/api/v1/projects", { name: "Umzug" });
    const task = await create(user, "/api/v1/tasks", {
      title: "Angebot nachfassen",
      dueAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      reminderAt: new Date(Date.now() + HOUR).toISOString(),
      projectId: project.id,
      links: [{ recordType: "person", recordId: person.id }],
    });
    const later = { now: new Date(Date.now() + 2 * HOUR) };
    const reminders = async () => {
      const { rows } = await ctx.database.raw.query<{ n: string | number }>(
        "select count(*) as n from notifications where record_id = $1 and type = 'task_reminder'",
        [task.id],
      );
      return Number(rows[0]!.n);
    };
    const visible = async () => ({
      list: ids((await call(user, "GET", "/api/v1/tasks")).data),
      ofProject: ids(
        (await call(user, "GET", `/api/v1/tasks${query({ "filter[projectId][eq]": project.id })}`)).data,
      ),
      mine: ids((await call(user, "GET", "/api/v1/tasks/mine")).upcoming),
      timeline: (await timelineIds(user, person.id)).filter((id) => id === task.id),
      openTasks: (await call(user, "GET", `/api/v1/projects/${project.id}`)).openTaskCount,
    });
    const shown = {
      list: [task.id],
      ofProject: [task.id],
      mine: [task.id],
      timeline: [task.id],
      openTasks: 1,
    };
    expect(await visible()).toEqual(shown);

    await remove(user, `/api/v1/tasks/${task.id}`);
    expectProblem(await ctx.request({ path: `/api/v1/tasks/${task.id}`, as: user }), 404, "task_not_found");
    expect(await visible()).toEqual({ list: [], ofProject: [], mine: [], timeline: [], openTasks: 0 });
    await ctx.services.tasks.deliverDueReminders(later);
    expect(await reminders()).toBe(0);

    const back = await restore(user, `/api/v1/tasks/${task.id}`);
    expect(back).toMatchObject({ projectId: project.id, reminderAt: task.reminderAt, links: task.links });
    expect(await visible()).toEqual(shown);
    await ctx.services.tasks.deliverDueReminders(later);
    expect(await reminders()).toBe(1);
  });
});

describe("appointments in the trash", () => {
  it("leave the calendar range, .ics export, private feed and timelines; restore keeps attendees", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const person = await buildPerson(ctx, user);
    const startsAt = new Date(Date.now() + 24 * HOUR);
    startsAt.setUTCMinutes(0, 0, 0);
    const appointment = await create(user, "/api/v1/appointments", {
      title: "Jahresgespräch",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      attendees: [
        { type: "user", id: user.userId },
        { type: "person", id: person.id },
      ],
      links: [{ recordType: "person", recordId: person.id }],
    });
    const feedUrl = new URL((await create(user, "/api/v1/calendar-feed", {})).url);
    const range = `/api/v1/appointments${query({
      from: new Date(Date.now()).toISOString(),
      to: new Date(Date.now() + 72 * HOUR).toISOString(),
    })}`;
    const visible = async () => ({
      range: (await call(user, "GET", range)).data.map((o: { appointmentId: string }) => o.appointmentId),
      ics: (await fetchRaw(ctx, user, `/api/v1/appointments/${appointment.id}/ics`)).status,
      feed: (await fetchRaw(ctx, null, feedUrl.pathname)).text.includes("Jahresgespräch"),
      timeline: (await timelineIds(user, person.id)).includes(appointment.id),
    });
    expect(await visible()).toEqual({ range: [appointment.id], ics: 200, feed: true, timeline: true });

    await remove(user, `/api/v1/appointments/${appointment.id}`);
    expectProblem(
      await ctx.request({ path: `/api/v1/appointments/${appointment.id}`, as: user }),
      404,
      "appointment_not_found",
    );
    expect(await visible()).toEqual({ range: [], ics: 404, feed: false, timeline: false });

    const back = await restore(user, `/api/v1/appointments/${appointment.id}`);
    expect(back.attendees).toEqual(appointment.attendees);
    expect(back.links).toEqual(appointment.links);
    expect(await visible()).toEqual({ range: [appointment.id], ics: 200, feed: true, timeline: true });
  });
});

describe("projects in the trash", () => {
  it("leave the project list and GET; their tasks keep the project for the restore", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const project = await create(user, "/api/v1/projects", {
      name: "Relaunch",
      milestones: [{ title: "Go-live", dueDate: "2026-12-01" }],
    });
    const task = await create(user, "/api/v1/tasks", { title: "Texte", projectId: project.id });
    await remove(user, `/api/v1/projects/${project.id}`);
    expect((await call(user, "GET", "/api/v1/projects")).data).toEqual([]);
    expectProblem(
      await ctx.request({ path: `/api/v1/projects/${project.id}`, as: user }),
      404,
      "project_not_found",
    );
    // a deleted project takes no new tasks
    const refused = await ctx.request({
      method: "POST",
      path: "/api/v1/tasks",
      as: user,
      body: { title: "x", projectId: project.id },
    });
    expect(expectProblem(refused, 400, "validation_failed")).toEqual(["projectId"]);

    const back = await restore(user, `/api/v1/projects/${project.id}`);
    expect(back).toMatchObject({ name: "Relaunch", milestones: project.milestones, openTaskCount: 1 });
    expect(ids((await call(user, "GET", "/api/v1/projects")).data)).toEqual([project.id]);
    expect((await call(user, "GET", `/api/v1/tasks/${task.id}`)).projectId).toBe(project.id);
  });
});

describe("comments in the trash", () => {
  it("leave comment lists and timelines; restore brings them back", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const person = await buildPerson(ctx, user);
    const comment = await create(user, "/api/v1/comments", {
      recordType: "person",
      recordId: person.id,
      body: "Bitte zurückrufen",
    });
    const list = `/api/v1/comments?recordType=person&recordId=${person.id}`;
    await remove(user, `/api/v1/comments/${comment.id}`);
    expect((await call(user, "GET", list)).data).toEqual([]);
    expect(await timelineIds(user, person.id)).not.toContain(comment.id);
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/comments/${comment.id}`,
        as: user,
        body: { body: "x" },
      }),
      404,
      "comment_not_found",
    );
    const back = await restore(user, `/api/v1/comments/${comment.id}`);
    expect(back).toMatchObject({ id: comment.id, body: "Bitte zurückrufen", recordId: person.id });
    expect(ids((await call(user, "GET", list)).data)).toEqual([comment.id]);
    expect(await timelineIds(user, person.id)).toContain(comment.id);
  });
});

describe("documents in the trash", () => {
  it("go with all their versions: no list, text search, download or preview until restored", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const person = await buildPerson(ctx, user);
    const target = { recordType: "person", recordId: person.id };
    const document = await buildDocument(ctx, user, {
      ...target,
      name: "Vertrag.pdf",
      data: makePdf("Kuendigungsfrist drei Monate"),
    });
    await buildDocument(ctx, user, {
      ...target,
      documentId: document.id,
      name: "Vertrag-v2.pdf",
      data: makePdf("Kuendigungsfrist sechs Monate"),
    });
    const base = `/api/v1/documents/${document.id}`;
    const visible = async () => ({
      list: ids(
        (await call(user, "GET", `/api/v1/documents${query({ "filter[recordId][eq]": person.id })}`)).data,
      ),
      search: ids((await call(user, "GET", "/api/v1/documents?q=sechs")).data),
      get: (await ctx.request({ path: base, as: user })).status,
      versions: (await ctx.request({ path: `${base}/versions`, as: user })).status,
      download: (await fetchRaw(ctx, user, `${base}/download?version=1`)).status,
      preview: (await fetchRaw(ctx, user, `${base}/preview`)).status,
    });
    const shown = {
      list: [document.id],
      search: [document.id],
      get: 200,
      versions: 200,
      download: 200,
      preview: 200,
    };
    expect(await visible()).toEqual(shown);

    await remove(user, base);
    expect(await visible()).toEqual({
      list: [],
      search: [],
      get: 404,
      versions: 404,
      download: 404,
      preview: 404,
    });
    expectProblem(await ctx.request({ path: base, as: user }), 404, "document_not_found");

    const back = await restore(user, base);
    expect(back).toMatchObject({ id: document.id, name: "Vertrag-v2.pdf", currentVersion: 2 });
    expect(await visible()).toEqual(shown);
    const versions = await call(user, "GET", `${base}/versions`);
    expect(versions.data.map((version: { version: number }) => version.version)).toEqual([2, 1]);
  });
});
