import type { TCustomField, TPerson } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCompany,
  buildCustomField,
  buildPerson,
  buildWorkspace,
  countRows,
  expectProblem,
  listAll,
  query,
} from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let manager: TestUser;
let member: TestUser;

const OPTIONS = {
  tier: [
    { value: "gold", label: "Gold" },
    { value: "silver", label: "Silver" },
  ],
  langs: [
    { value: "de", label: "Deutsch" },
    { value: "en", label: "English" },
    { value: "fr", label: "Français" },
  ],
};

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "fields" });
  manager = await ctx.createUser({ role: "manager", workspace: "fields" });
  member = await ctx.createUser({ role: "member", workspace: "fields" });
  const definitions: [string, string, Record<string, unknown>?][] = [
    ["nickname", "text"],
    ["score", "number"],
    ["since", "date"],
    ["vip", "boolean"],
    ["tier", "select", { options: OPTIONS.tier }],
    ["langs", "multiselect", { options: OPTIONS.langs }],
    ["homepage", "url"],
    ["privateEmail", "email"],
    ["mobile", "phone"],
    ["budget", "currency"],
  ];
  for (const [key, type, extra] of definitions) {
    await buildCustomField(ctx, admin, { object: "person", key, type, ...extra });
  }
});
afterAll(() => ctx.close());

describe("custom field values on write", () => {
  it("stores a valid value of every type, normalised", async () => {
    const person = await buildPerson(ctx, admin, {
      customFields: {
        nickname: "Bobby",
        score: 4.5,
        since: "2024-02-29",
        vip: false,
        tier: "gold",
        langs: ["de", "en", "de"],
        homepage: "https://bobby.example/about?x=1",
        privateEmail: "Bobby@Example.ORG",
        mobile: "0171 7654321",
        budget: { amount: "1500.00", currency: "EUR" },
      },
    });
    expect(person.customFields).toEqual({
      nickname: "Bobby",
      score: 4.5,
      since: "2024-02-29",
      vip: false,
      tier: "gold",
      langs: ["de", "en"],
      homepage: "https://bobby.example/about?x=1",
      privateEmail: "bobby@example.org",
      mobile: "+491717654321",
      budget: { amount: "1500.00", currency: "EUR" },
    });
  });

  const invalid: [string, unknown][] = [
    ["nickname", 5],
    ["nickname", "x".repeat(2001)],
    ["score", "5"],
    ["score", true],
    ["since", "2024-13-01"],
    ["since", "2023-02-29"],
    ["since", "2024-02-30"],
    ["since", "01.02.2024"],
    ["vip", "true"],
    ["tier", "bronze"],
    ["tier", ["gold"]],
    ["langs", ["de", "xx"]],
    ["langs", "de"],
    ["homepage", "javascript:alert(1)"],
    ["homepage", "bobby.example"],
    ["privateEmail", "not-an-email"],
    ["mobile", "123"],
    ["budget", { amount: 15, currency: "EUR" }],
    ["budget", { amount: "15.00", currency: "EURO" }],
    ["budget", { amount: "15.00", currency: "XXY" }],
    ["budget", "15 EUR"],
    ["unknownField", "x"],
  ];

  it.each(invalid)("refuses customFields.%s = %j and writes nothing", async (key, value) => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "Invalid", customFields: { [key]: value } },
    });
    expect(expectProblem(response, 400, "validation_failed")).toEqual([`customFields.${key}`]);
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
  });

  it("validates on update, keeps the other values and removes a value set to null", async () => {
    const person = await buildPerson(ctx, admin, { customFields: { nickname: "Al", score: 1 } });
    const bad = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { customFields: { score: "two" } },
    });
    expect(expectProblem(bad, 400, "validation_failed")).toEqual(["customFields.score"]);
    expect(bad.body.errors[0]).toMatchObject({ code: "invalid_type", params: { expected: "number" } });
    const good = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { customFields: { score: 2, nickname: null } },
    });
    expect(good.status).toBe(200);
    expect(good.body.customFields).toEqual({ score: 2 });
  });

  it("validates company custom fields separately from people's", async () => {
    const other = await buildWorkspace(ctx, admin);
    await buildCustomField(ctx, other, {
      object: "company",
      key: "segment",
      type: "select",
      options: OPTIONS.tier,
    });
    const company = await buildCompany(ctx, other, { customFields: { segment: "silver" } });
    expect(company.customFields).toEqual({ segment: "silver" });
    const bad = await ctx.request({
      method: "POST",
      path: "/api/v1/companies",
      as: other,
      body: { name: "Bad", customFields: { segment: "platinum" } },
    });
    expect(expectProblem(bad, 400, "validation_failed")).toEqual(["customFields.segment"]);
    // a company field is not a person field
    const person = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: other,
      body: { lastName: "P", customFields: { segment: "silver" } },
    });
    expect(expectProblem(person, 400, "validation_failed")).toEqual(["customFields.segment"]);
  });
});

describe("required custom fields", () => {
  it("requires a value on create and refuses removing it, but not on unrelated updates", async () => {
    const other = await buildWorkspace(ctx, admin);
    const old = await buildPerson(ctx, other);
    await buildCustomField(ctx, other, { object: "person", key: "source", type: "text", required: true });

    const missing = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: other,
      body: { lastName: "X" },
    });
    expect(expectProblem(missing, 400, "validation_failed")).toEqual(["customFields.source"]);
    expect(missing.body.errors[0]).toMatchObject({ code: "required" });
    const empty = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: other,
      body: { lastName: "X", customFields: { source: "" } },
    });
    expect(expectProblem(empty, 400, "validation_failed")).toEqual(["customFields.source"]);

    const person = await buildPerson(ctx, other, { customFields: { source: "fair" } });
    const removed = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: other,
      body: { customFields: { source: null } },
    });
    expect(expectProblem(removed, 400, "validation_failed")).toEqual(["customFields.source"]);
    expect((await ctx.request({ path: `/api/v1/people/${person.id}`, as: other })).body.customFields).toEqual(
      {
        source: "fair",
      },
    );
    // a record made before the field became required can still be edited elsewhere
    const renamed = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${old.id}`,
      as: other,
      body: { firstName: "Renamed" },
    });
    expect(renamed.status).toBe(200);
  });

  it("treats an empty list as missing for a required multiselect", async () => {
    const other = await buildWorkspace(ctx, admin);
    await buildCustomField(ctx, other, {
      object: "person",
      key: "topics",
      type: "multiselect",
      required: true,
      options: OPTIONS.langs,
    });
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: other,
      body: { lastName: "X", customFields: { topics: [] } },
    });
    expect(expectProblem(response, 400, "validation_failed")).toEqual(["customFields.topics"]);
  });
});

describe("filter and sort by customFields.<key>", () => {
  let owner: TestUser;
  let people: TPerson[];

  beforeAll(async () => {
    owner = await buildWorkspace(ctx, admin);
    await buildCustomField(ctx, owner, { object: "person", key: "score", type: "number" });
    await buildCustomField(ctx, owner, { object: "person", key: "since", type: "date" });
    await buildCustomField(ctx, owner, { object: "person", key: "vip", type: "boolean" });
    await buildCustomField(ctx, owner, {
      object: "person",
      key: "tier",
      type: "select",
      options: OPTIONS.tier,
    });
    await buildCustomField(ctx, owner, {
      object: "person",
      key: "langs",
      type: "multiselect",
      options: OPTIONS.langs,
    });
    await buildCustomField(ctx, owner, { object: "person", key: "budget", type: "currency" });
    await buildCustomField(ctx, owner, { object: "person", key: "nickname", type: "text" });
    const values: Record<string, unknown>[] = [
      {
        score: 10,
        since: "2020-01-01",
        vip: true,
        tier: "gold",
        langs: ["de"],
        budget: { amount: "9.50", currency: "EUR" },
        nickname: "p0",
      },
      {
        score: 2,
        since: "2021-06-15",
        vip: false,
        tier: "silver",
        langs: ["en", "fr"],
        budget: { amount: "100", currency: "EUR" },
        nickname: "p1",
      },
      { score: 10, vip: true, langs: [], nickname: "p2" },
      { since: "2019-03-03", tier: "gold", budget: { amount: "10", currency: "EUR" }, nickname: "p3" },
      { score: -1.5, since: "2021-06-15", vip: false, langs: ["fr"], nickname: "p4" },
    ];
    people = [];
    for (const customFields of values) people.push(await buildPerson(ctx, owner, { customFields }));
  });

  async function nicknames(params: Record<string, string | number>) {
    const response = await ctx.request({ path: `/api/v1/people${query(params)}`, as: owner });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body.data as TPerson[]).map((p) => p.customFields.nickname as string);
  }
  const sorted = async (params: Record<string, string>) => (await nicknames(params)).sort();

  it("filters numbers, dates, booleans, selects, multiselects, money and text", async () => {
    expect(await sorted({ "filter[customFields.score][eq]": "10" })).toEqual(["p0", "p2"]);
    expect(await sorted({ "filter[customFields.score][gt]": "1" })).toEqual(["p0", "p1", "p2"]);
    expect(await sorted({ "filter[customFields.score][lte]": "2" })).toEqual(["p1", "p4"]);
    expect(await sorted({ "filter[customFields.score][isNull]": "true" })).toEqual(["p3"]);
    expect(await sorted({ "filter[customFields.since][gte]": "2021-01-01" })).toEqual(["p1", "p4"]);
    expect(await sorted({ "filter[customFields.since][lt]": "2020-01-01" })).toEqual(["p3"]);
    expect(await sorted({ "filter[customFields.vip][eq]": "true" })).toEqual(["p0", "p2"]);
    expect(await sorted({ "filter[customFields.vip][ne]": "true" })).toEqual(["p1", "p3", "p4"]);
    expect(await sorted({ "filter[customFields.tier][eq]": "gold" })).toEqual(["p0", "p3"]);
    expect(await sorted({ "filter[customFields.tier][in]": "gold,silver" })).toEqual(["p0", "p1", "p3"]);
    expect(await sorted({ "filter[customFields.langs][eq]": "fr" })).toEqual(["p1", "p4"]);
    expect(await sorted({ "filter[customFields.langs][in]": "de,en" })).toEqual(["p0", "p1"]);
    expect(await sorted({ "filter[customFields.langs][isNull]": "true" })).toEqual(["p2", "p3"]);
    expect(await sorted({ "filter[customFields.budget][gte]": "10" })).toEqual(["p1", "p3"]);
    expect(await sorted({ "filter[customFields.nickname][startsWith]": "P" })).toHaveLength(5);
    expect(
      await sorted({ "filter[customFields.score][gte]": "0", "filter[customFields.tier][eq]": "gold" }),
    ).toEqual(["p0"]);
  });

  it("refuses filters on unknown custom fields and values of the wrong type", async () => {
    for (const params of [
      { "filter[customFields.nope][eq]": "1" },
      { "filter[customFields.score][eq]": "ten" },
      { "filter[customFields.since][eq]": "yesterday" },
      { "filter[customFields.vip][gt]": "true" },
    ]) {
      const response = await ctx.request({ path: `/api/v1/people${query(params)}`, as: owner });
      expect(expectProblem(response, 400, "invalid_filter")).toEqual(Object.keys(params));
    }
    const sort = await ctx.request({ path: "/api/v1/people?sort=customFields.langs", as: owner });
    expectProblem(sort, 400, "invalid_sort");
  });

  it("sorts by a custom number ascending and descending with empty values last, and pages through", async () => {
    // score: p0=10, p1=2, p2=10, p3=empty, p4=-1.5; ties by id in the sort direction
    const [p0, , p2] = people;
    const tenAsc = p0!.id < p2!.id ? ["p0", "p2"] : ["p2", "p0"];
    expect(await nicknames({ sort: "customFields.score" })).toEqual(["p4", "p1", ...tenAsc, "p3"]);
    expect(await nicknames({ sort: "-customFields.score" })).toEqual([...tenAsc.reverse(), "p1", "p4", "p3"]);
    for (const sort of [
      "customFields.score",
      "-customFields.score",
      "customFields.since",
      "-customFields.budget",
    ]) {
      const all = await nicknames({ sort, limit: 200 });
      const paged = await listAll<TPerson>(ctx, owner, "/api/v1/people", { sort, limit: 2 });
      expect(
        paged.map((p) => p.customFields.nickname),
        sort,
      ).toEqual(all);
    }
  });

  it("sorts by a custom date and by money amount", async () => {
    const since = await nicknames({ sort: "customFields.since" });
    expect(since.slice(0, 2)).toEqual(["p3", "p0"]);
    expect(since.at(-1)).toBe("p2");
    expect(await nicknames({ sort: "-customFields.budget" })).toEqual([
      "p1",
      "p3",
      "p0",
      ...(people[2]!.id > people[4]!.id ? ["p2", "p4"] : ["p4", "p2"]),
    ]);
  });
});

describe("defining custom fields", () => {
  it("lists definitions, filtered by object", async () => {
    const response = await ctx.request({ path: "/api/v1/custom-fields?object=person", as: member });
    expect(response.status).toBe(200);
    expect(response.body.data.map((f: TCustomField) => f.key)).toEqual(
      expect.arrayContaining(["nickname", "score", "budget"]),
    );
    const companies = await ctx.request({ path: "/api/v1/custom-fields?object=company", as: member });
    expect(companies.body.data).toEqual([]);
  });

  it("lets admins and managers define, change and remove fields; members get 403 and nothing changes", async () => {
    const before = await countRows(ctx, "custom_field_definitions", admin.workspaceId);
    const byMember = await ctx.request({
      method: "POST",
      path: "/api/v1/custom-fields",
      as: member,
      body: { object: "person", key: "memberField", label: "M", type: "text" },
    });
    expectProblem(byMember, 403, "forbidden");
    expect(await countRows(ctx, "custom_field_definitions", admin.workspaceId)).toBe(before);

    const byManager = await buildCustomField(ctx, manager, {
      object: "company",
      key: "rating",
      type: "number",
    });
    expect(byManager).toMatchObject({ key: "rating", type: "number", required: false, version: 1 });

    const patchByMember = await ctx.request({
      method: "PATCH",
      path: `/api/v1/custom-fields/${byManager.id}`,
      as: member,
      body: { label: "Hacked" },
    });
    expectProblem(patchByMember, 403, "forbidden");
    const deleteByMember = await ctx.request({
      method: "DELETE",
      path: `/api/v1/custom-fields/${byManager.id}`,
      as: member,
    });
    expectProblem(deleteByMember, 403, "forbidden");

    const patched = await ctx.request({
      method: "PATCH",
      path: `/api/v1/custom-fields/${byManager.id}`,
      as: admin,
      body: { label: "Rating (1-5)", required: true },
    });
    expect(patched.body).toMatchObject({ label: "Rating (1-5)", required: true, version: 2 });
    const removed = await ctx.request({
      method: "DELETE",
      path: `/api/v1/custom-fields/${byManager.id}`,
      as: manager,
    });
    expect(removed.status).toBe(204);
    const again = await ctx.request({
      method: "DELETE",
      path: `/api/v1/custom-fields/${byManager.id}`,
      as: manager,
    });
    expectProblem(again, 404, "custom_field_not_found");
  });

  it("refuses a duplicate key for the same object with 409", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/custom-fields",
      as: admin,
      body: { object: "person", key: "score", label: "Score again", type: "text" },
    });
    expect(expectProblem(response, 409, "duplicate_key")).toEqual(["key"]);
  });

  it("creates a key once when the same definition is sent twice at the same time", async () => {
    const other = await buildWorkspace(ctx, admin);
    const body = { object: "company", key: "twice", label: "Twice", type: "text" };
    const responses = await Promise.all(
      [1, 2, 3].map(() => ctx.request({ method: "POST", path: "/api/v1/custom-fields", as: other, body })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const list = await ctx.request({ path: "/api/v1/custom-fields?object=company", as: other });
    expect(list.body.data.map((f: TCustomField) => f.key)).toEqual(["twice"]);
  });

  it("refuses invalid definitions", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ object: "person", key: "Bad Key", label: "x", type: "text" }, "key"],
      [{ object: "person", key: "pick", label: "x", type: "select" }, "options"],
      [{ object: "person", key: "pick", label: "x", type: "color" }, "type"],
      [{ object: "deal", key: "pick", label: "x", type: "text" }, "object"],
    ];
    for (const [body, path] of cases) {
      const response = await ctx.request({ method: "POST", path: "/api/v1/custom-fields", as: admin, body });
      expect(expectProblem(response, 400, "validation_failed"), JSON.stringify(body)).toContain(path);
    }
  });

  it("keeps lists working when a key is defined again with another type over old values", async () => {
    const other = await buildWorkspace(ctx, admin);
    const asText = await buildCustomField(ctx, other, { object: "person", key: "code", type: "text" });
    const old = await buildPerson(ctx, other, { customFields: { code: "abc" } });
    await ctx.request({ method: "DELETE", path: `/api/v1/custom-fields/${asText.id}`, as: other });
    await buildCustomField(ctx, other, { object: "person", key: "code", type: "number" });
    const fresh = await buildPerson(ctx, other, { customFields: { code: 5 } });
    const filtered = await ctx.request({ path: "/api/v1/people?filter[customFields.code][gt]=1", as: other });
    expect(filtered.status, JSON.stringify(filtered.body)).toBe(200);
    expect(filtered.body.data.map((p: TPerson) => p.id)).toEqual([fresh.id]);
    const sorted = await ctx.request({ path: "/api/v1/people?sort=customFields.code", as: other });
    expect(sorted.status, JSON.stringify(sorted.body)).toBe(200);
    // a value that is not a number counts as empty: last
    expect(sorted.body.data.map((p: TPerson) => p.id)).toEqual([fresh.id, old.id]);
  });

  it("removing a definition stops filtering by it and keeps the stored values", async () => {
    const other = await buildWorkspace(ctx, admin);
    const field = await buildCustomField(ctx, other, { object: "person", key: "shoe", type: "number" });
    const person = await buildPerson(ctx, other, { customFields: { shoe: 44 } });
    await ctx.request({ method: "DELETE", path: `/api/v1/custom-fields/${field.id}`, as: other });
    const filter = await ctx.request({ path: "/api/v1/people?filter[customFields.shoe][eq]=44", as: other });
    expectProblem(filter, 400, "invalid_filter");
    const read = await ctx.request({ path: `/api/v1/people/${person.id}`, as: other });
    expect(read.body.customFields).toEqual({ shoe: 44 });
  });
});
