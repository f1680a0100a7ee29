import type { TCompany, TPerson } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildCustomField, buildPerson, expectProblem } from "../test/factories.ts";
import { createTestContext, type TestContext, type TestResponse, type TestUser } from "../test/harness.ts";

/**
 * Workspace B must never see or touch workspace A: A's ids answer exactly like ids that do not
 * exist (404, never 403, never the data), and lists never contain A's rows.
 */

const MISSING = "0190a000-0000-7000-8000-000000000000";

let ctx: TestContext;
let adminA: TestUser;
let memberA: TestUser;
let adminB: TestUser;
let personA: TPerson;
let trashedA: TPerson;
let companyA: TCompany;
let trashedCompanyA: TCompany;
let fieldA: string;
let relationA: string;
let viewA: string;
let keyA: string;
let personB: TPerson;

beforeAll(async () => {
  ctx = await createTestContext();
  adminA = await ctx.createUser({ role: "admin", workspace: "A" });
  memberA = await ctx.createUser({ role: "member", workspace: "A" });
  adminB = await ctx.createUser({ role: "admin", workspace: "B" });

  companyA = await buildCompany(ctx, adminA, { name: "Secret A Corp" });
  personA = await buildPerson(ctx, adminA, { lastName: "Secret A Person", companyId: companyA.id });
  trashedA = await buildPerson(ctx, adminA, { lastName: "Trashed A" });
  trashedCompanyA = await buildCompany(ctx, adminA, { name: "Trashed A Corp" });
  await ctx.request({ method: "DELETE", path: `/api/v1/people/${trashedA.id}`, as: adminA });
  await ctx.request({ method: "DELETE", path: `/api/v1/companies/${trashedCompanyA.id}`, as: adminA });
  fieldA = (await buildCustomField(ctx, adminA, { object: "person", key: "secretA", type: "text" })).id;
  relationA = (
    await ctx.request({
      method: "POST",
      path: "/api/v1/relations",
      as: adminA,
      body: {
        from: { type: "person", id: personA.id },
        to: { type: "company", id: companyA.id },
        label: "employee_of",
      },
    })
  ).body.id;
  viewA = (
    await ctx.request({
      method: "POST",
      path: "/api/v1/saved-views",
      as: adminA,
      body: { object: "person", name: "A shared view", visibility: "shared" },
    })
  ).body.id;
  keyA = (await ctx.request({ path: "/api/v1/api-keys", as: adminA })).body.data[0].id;
  personB = await buildPerson(ctx, adminB, { lastName: "B Person" });
});
afterAll(() => ctx.close());

/** A's id must get the same answer as an id that does not exist; returns that answer. */
async function expectSameAsMissing(
  method: string,
  path: (id: string) => string,
  aId: string,
  body?: unknown,
) {
  const forA = await ctx.request({ method, path: path(aId), as: adminB, body });
  const forMissing = await ctx.request({ method, path: path(MISSING), as: adminB, body });
  expect(forA.status, `${method} ${path(aId)}`).toBe(forMissing.status);
  expect(forA.body.code, `${method} ${path(aId)}`).toBe(forMissing.body.code);
  expect(JSON.stringify(forA.body)).not.toContain("Secret A");
  return forA;
}

function expect404(response: TestResponse, code: string) {
  expectProblem(response, 404, code);
}

describe("records of another workspace are not found", () => {
  it("people: read, update, delete, restore, employments", async () => {
    const path = (id: string) => `/api/v1/people/${id}`;
    expect404(await expectSameAsMissing("GET", path, personA.id), "person_not_found");
    expect404(
      await expectSameAsMissing("PATCH", path, personA.id, { firstName: "Hijack" }),
      "person_not_found",
    );
    expect404(await expectSameAsMissing("DELETE", path, personA.id), "person_not_found");
    expect404(
      await expectSameAsMissing("POST", (id) => `/api/v1/people/${id}/restore`, trashedA.id),
      "person_not_found",
    );
    expect404(
      await expectSameAsMissing("GET", (id) => `/api/v1/people/${id}/employments`, personA.id),
      "person_not_found",
    );
  });

  it("companies: read, update, delete, restore", async () => {
    const path = (id: string) => `/api/v1/companies/${id}`;
    expect404(await expectSameAsMissing("GET", path, companyA.id), "company_not_found");
    expect404(await expectSameAsMissing("PATCH", path, companyA.id, { name: "Hijack" }), "company_not_found");
    expect404(await expectSameAsMissing("DELETE", path, companyA.id), "company_not_found");
    expect404(
      await expectSameAsMissing("POST", (id) => `/api/v1/companies/${id}/restore`, trashedCompanyA.id),
      "company_not_found",
    );
  });

  it("custom fields, relations, saved views, members and API keys", async () => {
    const field = (id: string) => `/api/v1/custom-fields/${id}`;
    expect404(
      await expectSameAsMissing("PATCH", field, fieldA, { label: "Hijack" }),
      "custom_field_not_found",
    );
    expect404(await expectSameAsMissing("DELETE", field, fieldA), "custom_field_not_found");
    expect404(
      await expectSameAsMissing("DELETE", (id) => `/api/v1/relations/${id}`, relationA),
      "relation_not_found",
    );
    const view = (id: string) => `/api/v1/saved-views/${id}`;
    expect404(await expectSameAsMissing("PATCH", view, viewA, { name: "Hijack" }), "not_found");
    expect404(await expectSameAsMissing("DELETE", view, viewA), "not_found");
    const member = (id: string) => `/api/v1/members/${id}`;
    expect404(
      await expectSameAsMissing("PATCH", member, memberA.userId, { role: "readonly" }),
      "member_not_found",
    );
    expect404(await expectSameAsMissing("DELETE", member, memberA.userId), "member_not_found");
    expect404(
      await expectSameAsMissing("DELETE", (id) => `/api/v1/api-keys/${id}`, keyA),
      "api_key_not_found",
    );
  });

  it("relations and the audit log of A's records are empty for B", async () => {
    const relations = await ctx.request({ path: `/api/v1/relations?recordId=${personA.id}`, as: adminB });
    expect(relations.body).toEqual({ data: [] });
    for (const id of [personA.id, companyA.id, relationA, fieldA]) {
      const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${id}`, as: adminB });
      expect(audit.status).toBe(200);
      expect(audit.body).toEqual({ data: [], nextCursor: null });
    }
    // while A does see them
    const auditA = await ctx.request({ path: `/api/v1/audit-log?recordId=${personA.id}`, as: adminA });
    expect(auditA.body.data.length).toBeGreaterThan(0);
  });
});

describe("lists never contain another workspace's rows", () => {
  it("people, companies, custom fields, saved views, trash, members and API keys", async () => {
    const texts = await Promise.all(
      [
        "/api/v1/people?limit=200",
        `/api/v1/people?filter[id][eq]=${personA.id}`,
        `/api/v1/people?filter[companyId][eq]=${companyA.id}`,
        "/api/v1/people?q=Secret",
        "/api/v1/companies?limit=200",
        `/api/v1/companies?filter[id][in]=${companyA.id},${trashedCompanyA.id}`,
        "/api/v1/custom-fields",
        "/api/v1/saved-views",
        "/api/v1/trash",
        "/api/v1/members",
        "/api/v1/api-keys",
      ].map(async (path) => {
        const response = await ctx.request({ path, as: adminB });
        expect(response.status, path).toBe(200);
        return [path, JSON.stringify(response.body)] as const;
      }),
    );
    const aIds = [
      personA.id,
      trashedA.id,
      companyA.id,
      trashedCompanyA.id,
      fieldA,
      viewA,
      keyA,
      adminA.userId,
      memberA.userId,
    ];
    for (const [path, text] of texts) {
      for (const id of aIds) expect(text, `${path} leaks ${id}`).not.toContain(id);
      expect(text, path).not.toContain("Secret A");
      expect(text, path).not.toContain("Trashed A");
    }
    const people = await ctx.request({ path: "/api/v1/people", as: adminB });
    expect(people.body.data.map((p: TPerson) => p.id)).toEqual([personB.id]);
  });

  it("an API key stays in its workspace whatever X-Workspace-Id says", async () => {
    const response = await ctx.request({
      path: `/api/v1/people/${personA.id}`,
      as: adminB,
      headers: { "x-workspace-id": adminA.workspaceId },
    });
    expectProblem(response, 404, "person_not_found");
    const list = await ctx.request({
      path: "/api/v1/people",
      as: adminB,
      headers: { "x-workspace-id": adminA.workspaceId },
    });
    expect(list.body.data.map((p: TPerson) => p.id)).toEqual([personB.id]);
  });
});

describe("writes cannot reach another workspace", () => {
  it("refuses A's company, owner, records and custom fields in B's writes", async () => {
    const withCompany = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: adminB,
      body: { lastName: "X", companyId: companyA.id },
    });
    expect(expectProblem(withCompany, 400, "validation_failed")).toEqual(["companyId"]);
    const withOwner = await ctx.request({
      method: "POST",
      path: "/api/v1/companies",
      as: adminB,
      body: { name: "X", ownerId: adminA.userId },
    });
    expect(expectProblem(withOwner, 400, "validation_failed")).toEqual(["ownerId"]);
    const relation = await ctx.request({
      method: "POST",
      path: "/api/v1/relations",
      as: adminB,
      body: {
        from: { type: "person", id: personB.id },
        to: { type: "person", id: personA.id },
        label: "partner_of",
      },
    });
    expect(expectProblem(relation, 400, "validation_failed")).toEqual(["to.id"]);
    const field = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: adminB,
      body: { lastName: "X", customFields: { secretA: "x" } },
    });
    expect(expectProblem(field, 400, "validation_failed")).toEqual(["customFields.secretA"]);
    const filter = await ctx.request({
      path: "/api/v1/people?filter[customFields.secretA][eq]=x",
      as: adminB,
    });
    expectProblem(filter, 400, "invalid_filter");
  });

  it("changes B's settings only, and leaves A's records as they were", async () => {
    const settingsA = (await ctx.request({ path: "/api/v1/workspace/settings", as: adminA })).body;
    const changed = await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: adminB,
      body: { defaultRegion: "CH", relationLabels: [] },
    });
    expect(changed.body.defaultRegion).toBe("CH");
    expect((await ctx.request({ path: "/api/v1/workspace/settings", as: adminA })).body).toEqual(settingsA);

    const person = await ctx.request({ path: `/api/v1/people/${personA.id}`, as: adminA });
    expect(person.body).toEqual(personA);
    const company = await ctx.request({ path: `/api/v1/companies/${companyA.id}`, as: adminA });
    expect(company.body).toEqual(companyA);
    const trash = await ctx.request({ path: "/api/v1/trash", as: adminA });
    expect(trash.body.data.map((item: { id: string }) => item.id).sort()).toEqual(
      [trashedA.id, trashedCompanyA.id].sort(),
    );
    const fields = await ctx.request({ path: "/api/v1/custom-fields", as: adminA });
    expect(fields.body.data.map((f: { id: string; label: string }) => [f.id, f.label])).toEqual([
      [fieldA, "secretA"],
    ]);
    const views = await ctx.request({ path: "/api/v1/saved-views", as: memberA });
    expect(views.body.data.map((v: { id: string; name: string }) => [v.id, v.name])).toEqual([
      [viewA, "A shared view"],
    ]);
    const members = await ctx.request({ path: "/api/v1/members", as: adminA });
    expect(members.body.data).toHaveLength(2);
    expect((await ctx.request({ path: "/api/v1/people", as: memberA })).status).toBe(200);
    const relations = await ctx.request({ path: `/api/v1/relations?recordId=${personA.id}`, as: adminA });
    expect(relations.body.data.map((r: { id: string }) => r.id)).toEqual([relationA]);
  });
});
