import type { TAuditEntry } from "@kontor/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, countRows, expectProblem, query } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";
import { insertPerson, updatePerson } from "../people/people.repository.ts";
import { recordChange } from "./audit.repository.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "audit" });
  member = await ctx.createUser({ role: "member", workspace: "audit" });
});
afterAll(() => ctx.close());

async function auditOf(recordId: string, params: Record<string, string | number> = {}) {
  const response = await ctx.request({
    path: `/api/v1/audit-log${query({ recordId, ...params })}`,
    as: admin,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: TAuditEntry[]; nextCursor: string | null };
}

async function countEvents(recordId: string) {
  const { rows } = await ctx.database.raw.query<{ n: string | number }>(
    "select count(*) as n from domain_events where record_id = $1",
    [recordId],
  );
  return Number(rows[0]!.n);
}

describe("audit entries of a person", () => {
  it("records create, update, delete and restore with actor and per-field old and new values", async () => {
    const person = await buildPerson(ctx, member, { firstName: "Ada", lastName: "Byron", tags: ["poet"] });
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { lastName: "Lovelace", tags: ["poet", "maths"], jobTitle: null },
    });
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: admin });
    await ctx.request({ method: "POST", path: `/api/v1/people/${person.id}/restore`, as: member });

    const { data } = await auditOf(person.id);
    expect(data.map((entry) => entry.action)).toEqual(["restore", "delete", "update", "create"]);
    const [restore, remove, update, create] = data;

    expect(create).toMatchObject({ recordType: "person", recordId: person.id, actorId: member.userId });
    expect(create!.actorName).toBe(member.email.split("@")[0]);
    expect(create!.changes).toMatchObject({
      firstName: { old: null, new: "Ada" },
      lastName: { old: null, new: "Byron" },
      tags: { old: null, new: ["poet"] }, // nothing existed before the create
    });
    for (const internal of ["id", "version", "createdAt", "updatedAt"]) {
      expect(create!.changes).not.toHaveProperty(internal);
    }

    expect(update!.actorId).toBe(admin.userId);
    // only what changed: lastName and tags, not jobTitle (null before and after) nor firstName
    expect(update!.changes).toEqual({
      lastName: { old: "Byron", new: "Lovelace" },
      tags: { old: ["poet"], new: ["poet", "maths"] },
    });

    expect(remove!.actorId).toBe(admin.userId);
    expect(remove!.changes.deletedAt!.old).toBeNull();
    expect(Number.isNaN(Date.parse(remove!.changes.deletedAt!.new as string))).toBe(false);
    expect(restore!.actorId).toBe(member.userId);
    // restore undoes the delete: its old value is the deletion time
    expect(restore!.changes).toEqual({ deletedAt: { old: remove!.changes.deletedAt!.new, new: null } });

    // newest first by time as well
    const times = data.map((entry) => Date.parse(entry.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("writes no entry for a refused change", async () => {
    const person = await buildPerson(ctx, admin);
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      headers: { "if-match": "7" },
      body: { firstName: "Stale" },
    });
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { email: "bad" },
    });
    expect((await auditOf(person.id)).data.map((entry) => entry.action)).toEqual(["create"]);
  });

  it("pages newest first with a cursor", async () => {
    const company = await buildCompany(ctx, admin, { employeeCount: 0 });
    for (let i = 1; i <= 4; i++) {
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/companies/${company.id}`,
        as: admin,
        body: { employeeCount: i },
      });
    }
    const first = await auditOf(company.id, { limit: 2 });
    expect(first.data.map((e) => e.changes.employeeCount?.new)).toEqual([4, 3]);
    expect(first.nextCursor).not.toBeNull();
    const second = await auditOf(company.id, { limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((e) => e.changes.employeeCount?.new)).toEqual([2, 1]);
    const third = await auditOf(company.id, { limit: 2, cursor: second.nextCursor! });
    expect(third.data.map((e) => e.action)).toEqual(["create"]);
    expect(third.nextCursor).toBeNull();
  });

  it("records a company's delete and restore with the deletion time", async () => {
    const company = await buildCompany(ctx, admin);
    await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: admin });
    await ctx.request({ method: "POST", path: `/api/v1/companies/${company.id}/restore`, as: admin });
    const [restore, remove] = (await auditOf(company.id)).data;
    expect([restore!.action, remove!.action]).toEqual(["restore", "delete"]);
    expect(remove!.changes.deletedAt!.old).toBeNull();
    expect(restore!.changes).toEqual({ deletedAt: { old: remove!.changes.deletedAt!.new, new: null } });
  });

  it("needs a record id", async () => {
    const response = await ctx.request({ path: "/api/v1/audit-log", as: admin });
    expect(expectProblem(response, 400, "validation_failed")).toContain("querystring.recordId");
  });
});

describe("audit entries commit and roll back with their change", () => {
  it("leaves neither the row nor the audit entry when the transaction fails after the audit insert", async () => {
    const peopleBefore = await countRows(ctx, "people", admin.workspaceId);
    const auditBefore = await countRows(ctx, "audit_log", admin.workspaceId);
    let insertedId: string | undefined;
    await expect(
      ctx.database.db.transaction(async (tx) => {
        const row = await insertPerson(tx, {
          workspaceId: admin.workspaceId,
          lastName: "Rolled back",
          createdBy: admin.userId,
        });
        insertedId = row.id;
        await recordChange(tx, {
          workspaceId: admin.workspaceId,
          actorId: admin.userId,
          recordType: "person",
          recordId: row.id,
          action: "create",
          changes: { lastName: { old: null, new: "Rolled back" } },
        });
        // inside the transaction both are visible
        const result = await tx.execute(sql`select count(*) as n from audit_log where record_id = ${row.id}`);
        const [seen] = (result as unknown as { rows: { n: string | number }[] }).rows;
        expect(Number(seen?.n)).toBe(1);
        throw new Error("a later write failed");
      }),
    ).rejects.toThrow("a later write failed");

    expect(insertedId).toBeDefined();
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(peopleBefore);
    expect(await countRows(ctx, "audit_log", admin.workspaceId)).toBe(auditBefore);
    expect(await countEvents(insertedId!)).toBe(0);
    expectProblem(
      await ctx.request({ path: `/api/v1/people/${insertedId}`, as: admin }),
      404,
      "person_not_found",
    );
    expect((await auditOf(insertedId!)).data).toEqual([]);
  });

  it("rolls back an update and its audit entry when a database error follows", async () => {
    const person = await buildPerson(ctx, admin, { firstName: "Before" });
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await updatePerson(tx, {
          workspaceId: admin.workspaceId,
          id: person.id,
          values: { firstName: "After" },
        });
        await recordChange(tx, {
          workspaceId: admin.workspaceId,
          actorId: admin.userId,
          recordType: "person",
          recordId: person.id,
          action: "update",
          changes: { firstName: { old: "Before", new: "After" } },
        });
        // violates the employments -> companies foreign key
        await tx.execute(
          sql`insert into employments (id, workspace_id, person_id, company_id) values (gen_random_uuid(), ${admin.workspaceId}, ${person.id}, gen_random_uuid())`,
        );
      }),
    ).rejects.toThrow();
    const read = await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin });
    expect(read.body).toMatchObject({ firstName: "Before", version: 1 });
    expect((await auditOf(person.id)).data.map((entry) => entry.action)).toEqual(["create"]);
    expect(await countEvents(person.id)).toBe(1);
  });

  it("writes one domain event per audited change through the API", async () => {
    const person = await buildPerson(ctx, admin);
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { firstName: "E" },
    });
    expect(await countEvents(person.id)).toBe(2);
    expect((await auditOf(person.id)).data).toHaveLength(2);
  });
});
