import type { TRelation } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, countRows, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "relations" });
  member = await ctx.createUser({ role: "member", workspace: "relations" });
});
afterAll(() => ctx.close());

async function relate(user: TestUser, body: Record<string, unknown>) {
  return ctx.request({ method: "POST", path: "/api/v1/relations", as: user, body });
}

async function relationsOf(user: TestUser, recordId: string): Promise<TRelation[]> {
  const response = await ctx.request({ path: `/api/v1/relations?recordId=${recordId}`, as: user });
  expect(response.status).toBe(200);
  return response.body.data;
}

describe("relations", () => {
  it("relates two records with a configured label and lists it from both sides", async () => {
    const boss = await buildPerson(ctx, member, { firstName: "Berta", lastName: "Boss" });
    const assistant = await buildPerson(ctx, member, { firstName: "Anton", lastName: "Assistant" });
    const response = await relate(member, {
      from: { type: "person", id: assistant.id },
      to: { type: "person", id: boss.id },
      label: "assistant_of",
      note: "since 2020",
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      from: { type: "person", id: assistant.id, name: "Anton Assistant" },
      to: { type: "person", id: boss.id, name: "Berta Boss" },
      label: "assistant_of",
      note: "since 2020",
      createdBy: member.userId,
    });
    expect((await relationsOf(member, assistant.id)).map((r) => r.id)).toEqual([response.body.id]);
    expect((await relationsOf(member, boss.id)).map((r) => r.id)).toEqual([response.body.id]);
    const unrelated = await buildPerson(ctx, member);
    expect(await relationsOf(member, unrelated.id)).toEqual([]);
  });

  it("relates people and companies in any combination", async () => {
    const parent = await buildCompany(ctx, member, { name: "Holding" });
    const child = await buildCompany(ctx, member, { name: "Subsidiary" });
    const person = await buildPerson(ctx, member);
    const a = await relate(member, {
      from: { type: "company", id: child.id },
      to: { type: "company", id: parent.id },
      label: "subsidiary_of",
    });
    const b = await relate(member, {
      from: { type: "person", id: person.id },
      to: { type: "company", id: parent.id },
      label: "referred_by",
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await relationsOf(member, parent.id)).map((r) => r.id).sort()).toEqual(
      [a.body.id, b.body.id].sort(),
    );
  });

  it("refuses a label that is not configured in the workspace settings, and writes nothing", async () => {
    const x = await buildPerson(ctx, member);
    const y = await buildPerson(ctx, member);
    const before = await countRows(ctx, "relations", member.workspaceId);
    const response = await relate(member, {
      from: { type: "person", id: x.id },
      to: { type: "person", id: y.id },
      label: "best_friend_of",
    });
    expect(expectProblem(response, 400, "validation_failed")).toEqual(["label"]);
    const malformed = await relate(member, {
      from: { type: "person", id: x.id },
      to: { type: "person", id: y.id },
      label: "Best Friend",
    });
    expect(expectProblem(malformed, 400, "validation_failed")).toContain("label");
    expect(await countRows(ctx, "relations", member.workspaceId)).toBe(before);
  });

  it("accepts a label once an admin configures it, and refuses it again after removal", async () => {
    const x = await buildPerson(ctx, member);
    const y = await buildPerson(ctx, member);
    const body = { from: { type: "person", id: x.id }, to: { type: "person", id: y.id }, label: "mentor_of" };
    expectProblem(await relate(member, body), 400, "validation_failed");

    const settings = (await ctx.request({ path: "/api/v1/workspace/settings", as: admin })).body;
    const withLabel = [...settings.relationLabels, { key: "mentor_of", label: "Mentor of" }];
    const patched = await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: admin,
      body: { relationLabels: withLabel },
    });
    expect(patched.status).toBe(200);
    expect((await relate(member, body)).status).toBe(201);

    await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: admin,
      body: { relationLabels: settings.relationLabels },
    });
    expectProblem(await relate(member, body), 400, "validation_failed");
  });

  it("refuses a record related to itself and records that do not exist", async () => {
    const x = await buildPerson(ctx, member);
    const self = await relate(member, {
      from: { type: "person", id: x.id },
      to: { type: "person", id: x.id },
      label: "partner_of",
    });
    expect(expectProblem(self, 400, "validation_failed")).toContain("to.id");
    const missing = await relate(member, {
      from: { type: "person", id: x.id },
      to: { type: "company", id: "0190a000-0000-7000-8000-000000000000" },
      label: "partner_of",
    });
    expect(expectProblem(missing, 400, "validation_failed")).toEqual(["to.id"]);
    // a person id given as a company is not found either
    const wrongType = await relate(member, {
      from: { type: "company", id: x.id },
      to: { type: "person", id: (await buildPerson(ctx, member)).id },
      label: "partner_of",
    });
    expect(expectProblem(wrongType, 400, "validation_failed")).toEqual(["from.id"]);
  });

  it("hides a relation while one side is in the trash and shows it again after restore", async () => {
    const x = await buildPerson(ctx, member);
    const company = await buildCompany(ctx, member);
    const created = await relate(member, {
      from: { type: "person", id: x.id },
      to: { type: "company", id: company.id },
      label: "employee_of",
    });
    await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: member });
    expect(await relationsOf(member, x.id)).toEqual([]);
    await ctx.request({ method: "POST", path: `/api/v1/companies/${company.id}/restore`, as: member });
    expect((await relationsOf(member, x.id)).map((r) => r.id)).toEqual([created.body.id]);
  });

  it("deletes a relation: 204, then gone from both sides; a second delete is 404", async () => {
    const x = await buildPerson(ctx, member);
    const y = await buildPerson(ctx, member);
    const created = await relate(member, {
      from: { type: "person", id: x.id },
      to: { type: "person", id: y.id },
      label: "partner_of",
    });
    const removed = await ctx.request({
      method: "DELETE",
      path: `/api/v1/relations/${created.body.id}`,
      as: member,
    });
    expect(removed.status).toBe(204);
    expect(await relationsOf(member, x.id)).toEqual([]);
    expect(await relationsOf(member, y.id)).toEqual([]);
    const again = await ctx.request({
      method: "DELETE",
      path: `/api/v1/relations/${created.body.id}`,
      as: member,
    });
    expectProblem(again, 404, "relation_not_found");
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${created.body.id}`, as: member });
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(["delete", "create"]);
  });
});
