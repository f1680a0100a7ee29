import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// A small deterministic data set; every expectation is computed from it in plain JavaScript,
// independently of the SQL the segment compiles to.
interface Company {
  id: string;
  name: string;
  industry: string;
  revenue: number | null;
  postalCode: string;
  city: string;
  tags: string[];
}
interface Person {
  id: string;
  lastName: string;
  city: string | null;
  postalCode: string | null;
  tags: string[];
  company: Company | null;
  score: number | null;
}

let ctx: TestContext;
let admin: TestUser;
let reader: TestUser;
let stranger: TestUser;
const companies: Company[] = [];
const people: Person[] = [];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const INDUSTRIES = ["Maschinenbau", "Handel", "Software", "Handwerk"];
const CITIES: [string, string][] = [
  ["10115", "Berlin"],
  ["20095", "Hamburg"],
  ["80331", "München"],
  ["80999", "München"],
  ["50667", "Köln"],
  ["01067", "Dresden"],
];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
  const workspace = (await ctx.services.workspaces.findWorkspaceById(admin.workspaceId))!.name;
  reader = await ctx.createUser({ role: "readonly", workspace });
  stranger = await ctx.createUser({ role: "admin" });
  const field = await ctx.request({
    method: "POST",
    path: "/api/v1/custom-fields",
    as: admin,
    body: { object: "person", key: "score", label: "Score", type: "number" },
  });
  expect(field.status).toBe(201);

  const next = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  for (let i = 0; i < 16; i++) {
    const [postalCode, city] = pick(CITIES);
    const company: Omit<Company, "id"> = {
      name: `Firma ${i}`,
      industry: pick(INDUSTRIES),
      revenue: next() < 0.2 ? null : Math.round(next() * 5_000_000),
      postalCode,
      city,
      tags: next() < 0.3 ? ["key-account"] : [],
    };
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/companies",
      as: admin,
      body: {
        name: company.name,
        industry: company.industry,
        annualRevenue: company.revenue === null ? null : { amount: `${company.revenue}.00`, currency: "EUR" },
        address: { postalCode, city, country: "DE" },
        tags: company.tags,
      },
    });
    expect(response.status).toBe(201);
    companies.push({ ...company, id: response.body.id });
  }
  for (let i = 0; i < 70; i++) {
    const company = next() < 0.8 ? pick(companies) : null;
    const location = next() < 0.85 ? pick(CITIES) : null;
    const person: Omit<Person, "id"> = {
      lastName: `Nachname${i}`,
      city: location?.[1] ?? null,
      postalCode: location?.[0] ?? null,
      tags: next() < 0.4 ? ["newsletter"] : next() < 0.5 ? ["vip", "newsletter"] : [],
      company,
      score: next() < 0.3 ? null : Math.floor(next() * 100),
    };
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: {
        lastName: person.lastName,
        companyId: company?.id ?? null,
        address: location ? { postalCode: location[0], city: location[1], country: "DE" } : null,
        tags: person.tags,
        customFields: person.score === null ? {} : { score: person.score },
      },
    });
    expect(response.status).toBe(201);
    people.push({ ...person, id: response.body.id });
  }
}, 120_000);
afterAll(() => ctx.close());

async function membersOf(user: TestUser, segmentId: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/api/v1/segments/${segmentId}/members?limit=17${cursor ? `&cursor=${cursor}` : ""}`;
    const page = await ctx.request({ path: query, as: user });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    ids.push(...page.body.data.map((row: { id: string }) => row.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids.sort();
}

async function checkSegment(definition: unknown, expected: (person: Person) => boolean) {
  const created = await ctx.request({
    method: "POST",
    path: "/api/v1/segments",
    as: admin,
    body: { object: "person", name: `S ${Math.random()}`, kind: "dynamic", definition },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const want = people
    .filter(expected)
    .map((person) => person.id)
    .sort();
  expect(want.length).toBeGreaterThan(0);
  expect(want.length).toBeLessThan(people.length);
  expect(await membersOf(reader, created.body.id)).toEqual(want);
  const count = await ctx.request({ path: `/api/v1/segments/${created.body.id}/count`, as: reader });
  expect(count.body.count).toBe(want.length);
  const preview = await ctx.request({
    method: "POST",
    path: "/api/v1/segments/preview",
    as: reader,
    body: { object: "person", definition },
  });
  expect(preview.body.count).toBe(want.length);
  return created.body.id as string;
}

describe("dynamic person segments", () => {
  it("AND over own fields, custom fields and tags", async () => {
    await checkSegment(
      {
        match: "all",
        conditions: [
          { field: "tags", op: "contains", value: "newsletter" },
          { field: "customFields.score", op: "gte", value: "40" },
        ],
      },
      (p) => p.tags.includes("newsletter") && p.score !== null && p.score >= 40,
    );
  });

  it("OR of groups with related company fields and postal code ranges and prefixes", async () => {
    await checkSegment(
      {
        match: "any",
        conditions: [
          {
            match: "all",
            conditions: [
              { field: "company.industry", op: "eq", value: "Maschinenbau" },
              { field: "company.annualRevenue", op: "gt", value: "1000000" },
            ],
          },
          {
            match: "all",
            conditions: [
              { field: "postalCode", op: "gte", value: "20000" },
              { field: "postalCode", op: "lte", value: "50999" },
            ],
          },
          { field: "company.postalCode", op: "startsWith", value: "80" },
        ],
      },
      (p) =>
        (p.company?.industry === "Maschinenbau" &&
          p.company.revenue !== null &&
          p.company.revenue > 1_000_000) ||
        (p.postalCode !== null && p.postalCode >= "20000" && p.postalCode <= "50999") ||
        (p.company?.postalCode.startsWith("80") ?? false),
    );
  });

  it("people without a company, and company tags with isNull and in", async () => {
    await checkSegment(
      { match: "all", conditions: [{ field: "companyId", op: "isNull", value: "true" }] },
      (p) => p.company === null,
    );
    await checkSegment(
      {
        match: "all",
        conditions: [
          { field: "company.tags", op: "contains", value: "key-account" },
          { field: "city", op: "in", value: "Berlin,München" },
        ],
      },
      (p) =>
        (p.company?.tags.includes("key-account") ?? false) && (p.city === "Berlin" || p.city === "München"),
    );
  });

  it("people with no activity in 90 days (never, or only older activities)", async () => {
    const recent = people[0]!;
    const old = people[1]!;
    for (const [person, occurredAt] of [
      [recent, new Date(Date.now() - 10 * 86_400_000)],
      [old, new Date(Date.now() - 200 * 86_400_000)],
    ] as const) {
      const activity = await ctx.request({
        method: "POST",
        path: "/api/v1/activities",
        as: admin,
        body: {
          type: "call",
          subject: "Anruf",
          occurredAt: occurredAt.toISOString(),
          links: [{ recordType: "person", recordId: person.id }],
        },
      });
      expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    }
    await checkSegment(
      {
        match: "any",
        conditions: [
          { field: "lastActivityAt", op: "isNull", value: "true" },
          { field: "lastActivityAt", op: "lt", value: "now-90d" },
        ],
      },
      (p) => p.id !== recent.id,
    );
  });

  it("reports every invalid condition with its path and saves nothing", async () => {
    const before = await ctx.request({ path: "/api/v1/segments", as: admin });
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/segments",
      as: admin,
      body: {
        object: "person",
        name: "Broken",
        kind: "dynamic",
        definition: {
          match: "all",
          conditions: [
            { field: "company.nonsense", op: "eq", value: "x" },
            { match: "any", conditions: [{ field: "customFields.score", op: "gt", value: "many" }] },
          ],
        },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([
      "definition.conditions.0.field",
      "definition.conditions.1.conditions.0.value",
    ]);
    const after = await ctx.request({ path: "/api/v1/segments", as: admin });
    expect(after.body.data).toHaveLength(before.body.data.length);
  });
});

describe("static segments, permissions and isolation", () => {
  it("keeps a fixed list, refuses foreign ids and follows the trash", async () => {
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/segments",
      as: admin,
      body: { object: "person", name: "Messe 2026", kind: "static" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const chosen = [people[3]!.id, people[7]!.id, people[11]!.id];
    const added = await ctx.request({
      method: "POST",
      path: `/api/v1/segments/${id}/members`,
      as: admin,
      body: { ids: chosen },
    });
    expect(added.body.count).toBe(3);
    expect(await membersOf(admin, id)).toEqual([...chosen].sort());

    const foreign = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: stranger,
      body: { lastName: "Fremd" },
    });
    const refused = await ctx.request({
      method: "POST",
      path: `/api/v1/segments/${id}/members`,
      as: admin,
      body: { ids: [foreign.body.id] },
    });
    expect(refused.status).toBe(400);
    expect((await ctx.request({ path: `/api/v1/segments/${id}/count`, as: admin })).body.count).toBe(3);

    await ctx.request({ method: "DELETE", path: `/api/v1/people/${chosen[0]}`, as: admin });
    expect((await ctx.request({ path: `/api/v1/segments/${id}/count`, as: admin })).body.count).toBe(2);
    await ctx.request({ method: "POST", path: `/api/v1/people/${chosen[0]}/restore`, as: admin });

    const removed = await ctx.request({
      method: "POST",
      path: `/api/v1/segments/${id}/members/remove`,
      as: admin,
      body: { ids: [chosen[1]] },
    });
    expect(removed.body.count).toBe(2);
  });

  it("is 404 from another workspace and read-only for the readonly role", async () => {
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/segments",
      as: admin,
      body: {
        object: "company",
        name: "Software",
        kind: "dynamic",
        definition: { match: "all", conditions: [{ field: "industry", op: "eq", value: "Software" }] },
      },
    });
    const id = created.body.id;
    const expected = companies
      .filter((company) => company.industry === "Software")
      .map((company) => company.id)
      .sort();
    expect(await membersOf(reader, id)).toEqual(expected);
    for (const [method, path, body] of [
      ["GET", `/api/v1/segments/${id}`, undefined],
      ["GET", `/api/v1/segments/${id}/count`, undefined],
      ["GET", `/api/v1/segments/${id}/members`, undefined],
      ["PATCH", `/api/v1/segments/${id}`, { name: "x" }],
      ["DELETE", `/api/v1/segments/${id}`, undefined],
    ] as const) {
      const response = await ctx.request({ method, path, as: stranger, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await ctx.request({ path: "/api/v1/segments", as: stranger })).body.data).toEqual([]);
    const denied = await ctx.request({
      method: "PATCH",
      path: `/api/v1/segments/${id}`,
      as: reader,
      body: { name: "Mine" },
    });
    expect(denied.status).toBe(403);
    const deniedCreate = await ctx.request({
      method: "POST",
      path: "/api/v1/segments",
      as: reader,
      body: { object: "person", name: "R", kind: "static" },
    });
    expect(deniedCreate.status).toBe(403);
    expect((await ctx.request({ path: `/api/v1/segments/${id}`, as: admin })).body.name).toBe("Software");
  });
});
