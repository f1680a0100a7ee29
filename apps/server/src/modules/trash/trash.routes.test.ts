import type { TTrashItem } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCompany,
  buildPerson,
  buildWorkspace,
  countRows,
  expectProblem,
  query,
} from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

const DAY_MS = 86_400_000;

let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

async function trash(user: TestUser, params: Record<string, string | number | undefined> = {}) {
  const response = await ctx.request({ path: `/api/v1/trash${query(params)}`, as: user });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: TTrashItem[]; nextCursor: string | null };
}

describe("the trash", () => {
  it("lists deleted people and companies, newest first, with purgeAt 30 days after deletion", async () => {
    const user = await buildWorkspace(ctx, admin, "member");
    const person = await buildPerson(ctx, user, { firstName: "Trash", lastName: "Person" });
    const company = await buildCompany(ctx, user, { name: "Trash Company" });
    await buildPerson(ctx, user, { lastName: "Stays" });
    expect((await trash(user)).data).toEqual([]);

    expect(
      (await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: user })).status,
    ).toBe(204);
    expect(
      (await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: user })).status,
    ).toBe(204);

    const items = (await trash(user)).data;
    expect(items.map((item) => [item.recordType, item.id, item.name])).toEqual([
      ["company", company.id, "Trash Company"],
      ["person", person.id, "Trash Person"],
    ]);
    for (const item of items) {
      expect(item.deletedBy).toBe(user.userId);
      expect(Date.parse(item.purgeAt) - Date.parse(item.deletedAt)).toBe(30 * DAY_MS);
      expect(Math.abs(Date.parse(item.deletedAt) - Date.now())).toBeLessThan(60_000);
    }
    // gone from reads and lists
    expectProblem(
      await ctx.request({ path: `/api/v1/people/${person.id}`, as: user }),
      404,
      "person_not_found",
    );
    const people = await ctx.request({ path: "/api/v1/people", as: user });
    expect(people.body.data.map((p: { lastName: string }) => p.lastName)).toEqual(["Stays"]);
    const companies = await ctx.request({ path: "/api/v1/companies", as: user });
    expect(companies.body.data).toEqual([]);
  });

  it("restore takes a record out of the trash and back into lists", async () => {
    const user = await buildWorkspace(ctx, admin);
    const company = await buildCompany(ctx, user);
    await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: user });
    expect((await trash(user)).data.map((item) => item.id)).toEqual([company.id]);
    const restored = await ctx.request({
      method: "POST",
      path: `/api/v1/companies/${company.id}/restore`,
      as: user,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(company.version + 2); // delete and restore are both changes
    expect((await trash(user)).data).toEqual([]);
    const list = await ctx.request({ path: "/api/v1/companies", as: user });
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([company.id]);
  });

  it("pages through the trash without losing records deleted at the same moment", async () => {
    const user = await buildWorkspace(ctx, admin);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await buildPerson(ctx, user)).id);
    for (let i = 0; i < 2; i++) ids.push((await buildCompany(ctx, user)).id);
    for (const id of ids.slice(0, 3))
      await ctx.request({ method: "DELETE", path: `/api/v1/people/${id}`, as: user });
    for (const id of ids.slice(3))
      await ctx.request({ method: "DELETE", path: `/api/v1/companies/${id}`, as: user });
    // a bulk delete stamps several records with the same time
    const sameMoment = new Date(Date.now() - 1000).toISOString();
    await ctx.database.raw.query("update people set deleted_at = $1 where workspace_id = $2", [
      sameMoment,
      user.workspaceId,
    ]);
    await ctx.database.raw.query("update companies set deleted_at = $1 where workspace_id = $2", [
      sameMoment,
      user.workspaceId,
    ]);
    for (const limit of [1, 2, 4]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await trash(user, { limit, cursor });
        seen.push(...result.data.map((item) => item.id));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect([...seen].sort(), `limit ${limit}`).toEqual([...ids].sort());
    }
  });

  it("refuses a malformed trash cursor", async () => {
    for (const cursor of ["yesterday", Buffer.from('["2026-01-01T00:00:00.000Z"]').toString("base64url")]) {
      const response = await ctx.request({ path: `/api/v1/trash?cursor=${cursor}`, as: admin });
      expect(expectProblem(response, 400, "invalid_cursor")).toEqual(["cursor"]);
    }
  });
});

describe("purging", () => {
  it("keeps records for 30 days and removes them for good afterwards, with a purge audit entry", async () => {
    const user = await buildWorkspace(ctx, admin);
    const person = await buildPerson(ctx, user);
    const company = await buildCompany(ctx, user);
    const kept = await buildPerson(ctx, user, { lastName: "Not deleted" });
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: user });
    await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: user });
    const [item] = (await trash(user)).data;
    const deletedAt = Date.parse(item!.deletedAt);

    // 29 days later nothing of this workspace is purged
    await ctx.services.trash.purgeExpired(new Date(deletedAt + 29 * DAY_MS));
    expect((await trash(user)).data).toHaveLength(2);
    expect(await countRows(ctx, "people", user.workspaceId)).toBe(2);

    const purged = await ctx.services.trash.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    expect(purged).toBeGreaterThanOrEqual(2);
    expect((await trash(user)).data).toEqual([]);
    expect(await countRows(ctx, "people", user.workspaceId)).toBe(1);
    expect(await countRows(ctx, "companies", user.workspaceId)).toBe(0);
    expectProblem(
      await ctx.request({ method: "POST", path: `/api/v1/people/${person.id}/restore`, as: user }),
      404,
      "person_not_found",
    );
    expect((await ctx.request({ path: `/api/v1/people/${kept.id}`, as: user })).status).toBe(200);

    for (const id of [person.id, company.id]) {
      const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${id}`, as: user });
      expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual([
        "purge",
        "delete",
        "create",
      ]);
      expect(audit.body.data[0]).toMatchObject({ actorId: null, recordId: id });
    }
    // like every change, a purge also leaves a domain event for the jobs that react to it
    const { rows: events } = await ctx.database.raw.query<{ type: string; record_id: string }>(
      "select type, record_id from domain_events where record_id in ($1, $2) and type like '%.purged'",
      [person.id, company.id],
    );
    expect(events.map((event) => event.type).sort()).toEqual(["company.purged", "person.purged"]);
    // running it again purges nothing more of this workspace and writes no second entry
    await ctx.services.trash.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${person.id}`, as: user });
    expect(audit.body.data.filter((entry: { action: string }) => entry.action === "purge")).toHaveLength(1);
  });

  it("removes the relations of a purged record for good", async () => {
    const user = await buildWorkspace(ctx, admin);
    const leaving = await buildPerson(ctx, user);
    const staying = await buildPerson(ctx, user);
    const other = await buildPerson(ctx, user);
    const relate = (from: string, to: string) =>
      ctx.request({
        method: "POST",
        path: "/api/v1/relations",
        as: user,
        body: {
          from: { type: "person", id: from },
          to: { type: "person", id: to },
          label: "partner_of",
          note: "private",
        },
      });
    const gone = [
      (await relate(leaving.id, staying.id)).body.id,
      (await relate(other.id, leaving.id)).body.id,
    ];
    const kept = (await relate(staying.id, other.id)).body.id;
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${leaving.id}`, as: user });
    await ctx.services.trash.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    const { rows } = await ctx.database.raw.query<{ id: string }>(
      "select id from relations where workspace_id = $1",
      [user.workspaceId],
    );
    expect(rows.map((row) => row.id)).toEqual([kept]);
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${gone[0]}`, as: user });
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(["purge", "create"]);
  });

  it("removes a purged person's employments and keeps people of a purged company", async () => {
    const user = await buildWorkspace(ctx, admin);
    const company = await buildCompany(ctx, user);
    const employee = await buildPerson(ctx, user, { companyId: company.id });
    await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: user });
    await ctx.services.trash.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    const read = await ctx.request({ path: `/api/v1/people/${employee.id}`, as: user });
    expect(read.status).toBe(200);
    expect(read.body.companyId).toBeNull();
  });
});
