import type { TTrashItem } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTemporaryStorage } from "../../lib/file-storage.ts";
import { buildCompany, buildPerson, buildWorkspace, expectProblem, query } from "../../test/factories.ts";
import { buildDocument, makePdf } from "../../test/files.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// The trash across every kind: one list paged newest first, restore permissions and isolation,
// and the purge that removes rows, links, attached comments and documents and stored files.
const DAY_MS = 86_400_000;
const storage = createTemporaryStorage();

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext({ files: storage });
  admin = await ctx.createUser({ role: "admin", workspace: "trash-kinds" });
  member = await ctx.createUser({ role: "member", workspace: "trash-kinds" });
  reader = await ctx.createUser({ role: "readonly", workspace: "trash-kinds" });
  stranger = await ctx.createUser({ role: "admin", workspace: "trash-kinds-other" });
});
afterAll(() => ctx.close());

const PATHS = {
  person: "people",
  company: "companies",
  activity: "activities",
  task: "tasks",
  appointment: "appointments",
  project: "projects",
  document: "documents",
  comment: "comments",
} as const;
type Kind = keyof typeof PATHS;

async function created(user: TestUser, path: string, body: unknown) {
  const response = await ctx.request({ method: "POST", path, as: user, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

/** One record of every kind in the user's workspace; comments and documents on `person`. */
async function buildOneOfEach(user: TestUser) {
  const person = await buildPerson(ctx, user, { firstName: "Erika", lastName: "Muster" });
  const onPerson = { recordType: "person", recordId: person.id };
  const startsAt = new Date(Date.now() + DAY_MS).toISOString();
  return {
    person,
    records: {
      person: (await buildPerson(ctx, user, { firstName: "Max", lastName: "Weg" })).id,
      company: (await buildCompany(ctx, user, { name: "Weg GmbH" })).id,
      activity: (await created(user, "/api/v1/activities", { type: "call", subject: "Anruf" })).id,
      task: (await created(user, "/api/v1/tasks", { title: "Aufgabe" })).id,
      appointment: (
        await created(user, "/api/v1/appointments", {
          title: "Termin",
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        })
      ).id,
      project: (await created(user, "/api/v1/projects", { name: "Projekt" })).id,
      document: (await buildDocument(ctx, user, { ...onPerson, name: "Dokument.pdf", data: makePdf("x") }))
        .id,
      comment: (await created(user, "/api/v1/comments", { ...onPerson, body: "Kommentar" })).id,
    } satisfies Record<Kind, string>,
  };
}

const del = (user: TestUser, kind: Kind, id: string) =>
  ctx.request({ method: "DELETE", path: `/api/v1/${PATHS[kind]}/${id}`, as: user });
const restore = (user: TestUser, kind: Kind, id: string) =>
  ctx.request({ method: "POST", path: `/api/v1/${PATHS[kind]}/${id}/restore`, as: user });

async function trash(user: TestUser, params: Record<string, string | number | undefined> = {}) {
  const response = await ctx.request({ path: `/api/v1/trash${query(params)}`, as: user });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: TTrashItem[]; nextCursor: string | null };
}

describe("the trash across kinds", () => {
  it("lists every kind with its name and pages newest first across kinds deleted at the same moment", async () => {
    const user = await buildWorkspace(ctx, admin);
    const { records } = await buildOneOfEach(user);
    for (const [kind, id] of Object.entries(records))
      expect((await del(user, kind as Kind, id)).status).toBe(204);

    const items = (await trash(user)).data;
    expect(new Map(items.map((item) => [item.recordType, item.name]))).toEqual(
      new Map([
        ["comment", "Kommentar"],
        ["document", "Dokument.pdf"],
        ["project", "Projekt"],
        ["appointment", "Termin"],
        ["task", "Aufgabe"],
        ["activity", "Anruf"],
        ["company", "Weg GmbH"],
        ["person", "Max Weg"],
      ]),
    );
    expect(items.map((item) => item.recordType)).toEqual(Object.keys(records).reverse());
    expect((await trash(user, { recordType: "task" })).data.map((item) => item.id)).toEqual([records.task]);
    expectProblem(
      await ctx.request({ path: "/api/v1/trash?recordType=relation", as: user }),
      400,
      "validation_failed",
    );

    const sameMoment = new Date(Date.now() - 1000).toISOString();
    for (const table of [
      "people",
      "companies",
      "activities",
      "tasks",
      "appointments",
      "projects",
      "documents",
      "comments",
    ]) {
      await ctx.database.raw.query(
        `update ${table} set deleted_at = $1 where workspace_id = $2 and deleted_at is not null`,
        [sameMoment, user.workspaceId],
      );
    }
    const all = Object.values(records).sort().reverse();
    for (const limit of [1, 3, 5]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await trash(user, { limit, cursor });
        seen.push(...result.data.map((item) => item.id));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen, `limit ${limit}`).toEqual(all); // ties on deletedAt are ordered by id, none skipped
    }
    expect((await trash(stranger)).data.map((item) => item.id)).not.toContain(records.task);
  });
});

describe("delete and restore permissions", () => {
  it("readonly gets 403 on delete and restore; another workspace gets 404 and sees nothing", async () => {
    const { records } = await buildOneOfEach(admin);
    for (const [name, id] of Object.entries(records)) {
      const kind = name as Kind;
      const notFound = `${kind}_not_found`;
      expectProblem(await del(reader, kind, id), 403, "forbidden");
      expectProblem(await del(stranger, kind, id), 404, notFound);
      expectProblem(await restore(admin, kind, id), 409, "not_in_trash");
      expect((await del(admin, kind, id)).status, kind).toBe(204);
      expectProblem(await del(admin, kind, id), 404, notFound);
      expectProblem(await restore(reader, kind, id), 403, "forbidden");
      expectProblem(await restore(stranger, kind, id), 404, notFound);
      expect((await restore(admin, kind, id)).status, kind).toBe(200);
      expectProblem(await restore(admin, kind, id), 409, "not_in_trash");
      expectProblem(await restore(admin, kind, stranger.workspaceId), 404, notFound);
    }
  });

  it("a comment is restored by its author or an admin, like it is deleted", async () => {
    const person = await buildPerson(ctx, member);
    const other = await ctx.createUser({ role: "member", workspace: "trash-kinds" });
    const comment = await created(member, "/api/v1/comments", {
      recordType: "person",
      recordId: person.id,
      body: "Meins",
    });
    expectProblem(await del(other, "comment", comment.id), 403, "forbidden");
    expect((await del(member, "comment", comment.id)).status).toBe(204);
    expectProblem(await restore(other, "comment", comment.id), 403, "forbidden");
    expect((await restore(admin, "comment", comment.id)).status).toBe(200);
  });
});

describe("purging every kind", () => {
  it("removes expired rows with their links, attached comments and documents, versions and files", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const { person, records } = await buildOneOfEach(user);
    const link = [{ recordType: "person", recordId: person.id }];
    const linked = await created(user, "/api/v1/activities", {
      type: "note",
      subject: "verlinkt",
      links: link,
    });
    const onActivity = await buildDocument(ctx, user, {
      recordType: "activity",
      recordId: linked.id,
      name: "Anhang.pdf",
      data: makePdf("Anhang"),
    });
    const onTask = await created(user, "/api/v1/comments", {
      recordType: "task",
      recordId: records.task,
      body: "x",
    });
    const projectTask = await created(user, "/api/v1/tasks", { title: "bleibt", projectId: records.project });
    // a live activity linked to a person that is purged loses that link
    const survivor = await created(user, "/api/v1/activities", {
      type: "note",
      subject: "bleibt",
      links: [{ recordType: "person", recordId: records.person }],
    });
    await buildDocument(ctx, user, {
      recordType: "person",
      recordId: person.id,
      documentId: records.document,
      name: "Dokument-v2.pdf",
      data: makePdf("v2"),
    });
    const { rows: files } = await ctx.database.raw.query<{ storage_key: string }>(
      "select storage_key from document_versions where document_id in ($1, $2)",
      [records.document, onActivity.id],
    );
    expect(files).toHaveLength(3);

    for (const [kind, id] of Object.entries(records)) await del(user, kind as Kind, id);
    await del(user, "activity", linked.id);
    const gone = [...Object.values(records), linked.id, onActivity.id, onTask.id];

    await ctx.services.trash.purgeExpired(new Date(Date.now() + 29 * DAY_MS));
    expect((await trash(user)).data).toHaveLength(9);

    await ctx.services.trash.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    expect((await trash(user)).data).toEqual([]);
    const count = async (sql: string, params: unknown[]) =>
      Number((await ctx.database.raw.query<{ n: string }>(sql, params)).rows[0]!.n);
    for (const table of [
      "people",
      "companies",
      "activities",
      "tasks",
      "appointments",
      "projects",
      "documents",
      "comments",
    ]) {
      expect(
        await count(`select count(*) as n from ${table} where id = any($1::uuid[])`, [gone]),
        table,
      ).toBe(0);
    }
    expect(
      await count("select count(*) as n from document_versions where workspace_id = $1", [user.workspaceId]),
    ).toBe(0);
    expect(
      await count(
        "select count(*) as n from record_links where source_id = any($1::uuid[]) or record_id = any($1::uuid[])",
        [gone],
      ),
    ).toBe(0);
    for (const file of files) await expect(storage.get(file.storage_key)).rejects.toThrow();
    expect((await ctx.request({ path: `/api/v1/activities/${survivor.id}`, as: user })).body.links).toEqual(
      [],
    );
    expect(
      (await ctx.request({ path: `/api/v1/tasks/${projectTask.id}`, as: user })).body.projectId,
    ).toBeNull();
    for (const id of gone) {
      const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${id}`, as: user });
      expect(audit.body.data[0], id).toMatchObject({ action: "purge", actorId: null });
    }
    expect(
      await count(
        "select count(*) as n from domain_events where record_id = any($1::uuid[]) and type like '%.purged'",
        [gone],
      ),
    ).toBe(gone.length);
  });
});
