import type { TCompany, TPerson } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, countRows, expectProblem } from "../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../test/harness.ts";

/** What each role may do, checked route by route; a refused write must leave no trace. */

let ctx: TestContext;
let admin: TestUser;
let manager: TestUser;
let member: TestUser;
let readonly: TestUser;
let person: TPerson;
let trashed: TPerson;
let company: TCompany;
let trashedCompany: TCompany;
let relationId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "roles" });
  manager = await ctx.createUser({ role: "manager", workspace: "roles" });
  member = await ctx.createUser({ role: "member", workspace: "roles" });
  readonly = await ctx.createUser({ role: "readonly", workspace: "roles" });
  company = await buildCompany(ctx, member);
  person = await buildPerson(ctx, member, { companyId: company.id });
  trashed = await buildPerson(ctx, member);
  trashedCompany = await buildCompany(ctx, member);
  await ctx.request({ method: "DELETE", path: `/api/v1/people/${trashed.id}`, as: member });
  await ctx.request({ method: "DELETE", path: `/api/v1/companies/${trashedCompany.id}`, as: member });
  const relation = await ctx.request({
    method: "POST",
    path: "/api/v1/relations",
    as: member,
    body: {
      from: { type: "person", id: person.id },
      to: { type: "company", id: company.id },
      label: "employee_of",
    },
  });
  relationId = relation.body.id;
});
afterAll(() => ctx.close());

async function snapshot() {
  const ws = admin.workspaceId;
  return {
    people: await countRows(ctx, "people", ws),
    companies: await countRows(ctx, "companies", ws),
    relations: await countRows(ctx, "relations", ws),
    fields: await countRows(ctx, "custom_field_definitions", ws),
    audit: await countRows(ctx, "audit_log", ws),
    person: (await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin })).body,
    company: (await ctx.request({ path: `/api/v1/companies/${company.id}`, as: admin })).body,
    trash: (await ctx.request({ path: "/api/v1/trash", as: admin })).body,
    settings: (await ctx.request({ path: "/api/v1/workspace/settings", as: admin })).body,
    members: (await ctx.request({ path: "/api/v1/members", as: admin })).body,
  };
}

describe("readonly", () => {
  it("reads everything", async () => {
    const paths = [
      "/api/v1/people",
      `/api/v1/people/${person.id}`,
      `/api/v1/people/${person.id}/employments`,
      "/api/v1/companies",
      `/api/v1/companies/${company.id}`,
      `/api/v1/relations?recordId=${person.id}`,
      "/api/v1/custom-fields",
      "/api/v1/saved-views",
      "/api/v1/trash",
      `/api/v1/audit-log?recordId=${person.id}`,
      "/api/v1/members",
      "/api/v1/workspace/settings",
      "/api/v1/api-keys",
    ];
    for (const path of paths) {
      expect((await ctx.request({ path, as: readonly })).status, path).toBe(200);
    }
    const people = await ctx.request({ path: "/api/v1/people", as: readonly });
    expect(people.body.data.map((p: TPerson) => p.id)).toContain(person.id);
  });

  it("gets 403 forbidden for every write to people, companies and relations, and nothing changes", async () => {
    const before = await snapshot();
    const writes: [string, string, unknown?][] = [
      ["POST", "/api/v1/people", { lastName: "Nope" }],
      ["PATCH", `/api/v1/people/${person.id}`, { firstName: "Nope" }],
      ["DELETE", `/api/v1/people/${person.id}`],
      ["POST", `/api/v1/people/${trashed.id}/restore`],
      ["POST", "/api/v1/companies", { name: "Nope" }],
      ["PATCH", `/api/v1/companies/${company.id}`, { name: "Nope" }],
      ["DELETE", `/api/v1/companies/${company.id}`],
      ["POST", `/api/v1/companies/${trashedCompany.id}/restore`],
      [
        "POST",
        "/api/v1/relations",
        {
          from: { type: "person", id: person.id },
          to: { type: "company", id: company.id },
          label: "partner_of",
        },
      ],
      ["DELETE", `/api/v1/relations/${relationId}`],
      ["POST", "/api/v1/custom-fields", { object: "person", key: "nope", label: "Nope", type: "text" }],
      ["PATCH", "/api/v1/workspace/settings", { defaultRegion: "AT" }],
      [
        "POST",
        "/api/v1/members",
        { email: "n@example.de", name: "N", password: "long-enough-pw", role: "admin" },
      ],
      ["PATCH", `/api/v1/members/${readonly.userId}`, { role: "admin" }],
      ["DELETE", `/api/v1/members/${member.userId}`],
    ];
    for (const [method, path, body] of writes) {
      const response = await ctx.request({ method, path, as: readonly, body });
      expectProblem(response, 403, "forbidden");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("authentication", () => {
  it("is not skipped by an encoded or unusual path", async () => {
    for (const path of ["/api/%761/people", "/api/v1//people", "/api/v1/people/"]) {
      const response = await ctx.request({ path });
      expectProblem(response, 401, "unauthenticated");
      expect(JSON.stringify(response.body)).not.toContain(person.id);
    }
  });
});

describe("member", () => {
  it("writes records but cannot define custom fields, change settings or manage members", async () => {
    const before = await snapshot();
    const refused: [string, string, unknown?][] = [
      ["POST", "/api/v1/custom-fields", { object: "person", key: "nope", label: "Nope", type: "text" }],
      ["PATCH", "/api/v1/workspace/settings", { defaultCurrency: "CHF" }],
      [
        "POST",
        "/api/v1/members",
        { email: "m@example.de", name: "M", password: "long-enough-pw", role: "member" },
      ],
      ["PATCH", `/api/v1/members/${member.userId}`, { role: "admin" }],
      ["DELETE", `/api/v1/members/${readonly.userId}`],
    ];
    for (const [method, path, body] of refused) {
      expectProblem(await ctx.request({ method, path, as: member, body }), 403, "forbidden");
    }
    expect(await snapshot()).toEqual(before);

    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: member,
      body: { lastName: "Ok" },
    });
    expect(created.status).toBe(201);
    const removed = await ctx.request({
      method: "DELETE",
      path: `/api/v1/people/${created.body.id}`,
      as: member,
    });
    expect(removed.status).toBe(204);
  });
});

describe("manager", () => {
  it("defines custom fields and changes settings, but does not manage members", async () => {
    const field = await ctx.request({
      method: "POST",
      path: "/api/v1/custom-fields",
      as: manager,
      body: { object: "company", key: "managerField", label: "M", type: "text" },
    });
    expect(field.status).toBe(201);
    const settings = await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: manager,
      body: { defaultCurrency: "CHF" },
    });
    expect(settings.body.defaultCurrency).toBe("CHF");
    const members = (await ctx.request({ path: "/api/v1/members", as: admin })).body;
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/members/${member.userId}`,
        as: manager,
        body: { role: "manager" },
      }),
      403,
      "forbidden",
    );
    expect((await ctx.request({ path: "/api/v1/members", as: admin })).body).toEqual(members);
  });
});
