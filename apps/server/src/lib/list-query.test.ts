import type { TCompany } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCompany,
  buildPerson,
  buildWorkspace,
  expectProblem,
  listAll,
  query,
} from "../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../test/harness.ts";

/**
 * Filtering, sorting and keyset pagination as a client sees them, on /api/v1/companies and
 * /api/v1/people. Expected results are computed here from the data the test created, so every
 * assertion follows from the documented semantics, not from the implementation's output.
 */

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
const companies: TCompany[] = [];

// Names and domains are lowercase ASCII so that PGlite's and PostgreSQL's collations agree.
const SEED: {
  name: string;
  employeeCount: number | null;
  industry: string | null;
  domain: string | null;
  tags: string[];
  owner: "admin" | "member" | null;
}[] = [
  {
    name: "alpha",
    employeeCount: 10,
    industry: "Software",
    domain: "a.example",
    tags: ["a", "b"],
    owner: "admin",
  },
  {
    name: "bravo",
    employeeCount: 50,
    industry: "Software house",
    domain: null,
    tags: ["b"],
    owner: "member",
  },
  { name: "charlie", employeeCount: null, industry: null, domain: "c.example", tags: [], owner: null },
  { name: "delta", employeeCount: 50, industry: "consulting", domain: null, tags: ["c"], owner: "admin" },
  { name: "echo", employeeCount: 200, industry: "software", domain: "e.example", tags: ["a"], owner: null },
  { name: "foxtrot", employeeCount: null, industry: "Retail", domain: null, tags: [], owner: "member" },
  { name: "golf", employeeCount: 10, industry: null, domain: "c.example", tags: ["a", "c"], owner: "admin" },
];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "lists" });
  member = await ctx.createUser({ role: "member", workspace: "lists" });
  for (const seed of SEED) {
    companies.push(
      await buildCompany(ctx, admin, {
        name: seed.name,
        employeeCount: seed.employeeCount,
        industry: seed.industry,
        domain: seed.domain,
        tags: seed.tags,
        ownerId: seed.owner === "admin" ? admin.userId : seed.owner === "member" ? member.userId : null,
      }),
    );
  }
});
afterAll(() => ctx.close());

async function names(params: Record<string, string>): Promise<string[]> {
  const response = await ctx.request({
    path: `/api/v1/companies${query({ ...params, limit: 200 })}`,
    as: admin,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.data as TCompany[]).map((company) => company.name).sort();
}

function expected(predicate: (company: TCompany) => boolean): string[] {
  return companies
    .filter(predicate)
    .map((company) => company.name)
    .sort();
}

describe("filters", () => {
  it("apply every operator to a text field", async () => {
    expect(await names({ "filter[name][eq]": "delta" })).toEqual(["delta"]);
    expect(await names({ "filter[name]": "delta" })).toEqual(["delta"]); // eq is the default
    expect(await names({ "filter[name][ne]": "delta" })).toEqual(expected((c) => c.name !== "delta"));
    expect(await names({ "filter[name][lt]": "charlie" })).toEqual(["alpha", "bravo"]);
    expect(await names({ "filter[name][lte]": "charlie" })).toEqual(["alpha", "bravo", "charlie"]);
    expect(await names({ "filter[name][gt]": "echo" })).toEqual(["foxtrot", "golf"]);
    expect(await names({ "filter[name][gte]": "echo" })).toEqual(["echo", "foxtrot", "golf"]);
    expect(await names({ "filter[name][in]": "alpha,golf,nonexistent" })).toEqual(["alpha", "golf"]);
    // contains and startsWith ignore case
    expect(await names({ "filter[industry][contains]": "SOFTWARE" })).toEqual(["alpha", "bravo", "echo"]);
    expect(await names({ "filter[industry][startsWith]": "software h" })).toEqual(["bravo"]);
    expect(await names({ "filter[industry][startsWith]": "ware" })).toEqual([]);
    expect(await names({ "filter[industry][isNull]": "true" })).toEqual(["charlie", "golf"]);
    expect(await names({ "filter[industry][isNull]": "false" })).toEqual(
      expected((c) => c.industry !== null),
    );
  });

  it("treats ne on a nullable text field as 'not this value', keeping empty ones", async () => {
    expect(await names({ "filter[industry][ne]": "Retail" })).toEqual(
      expected((c) => c.industry !== "Retail"),
    );
  });

  it("apply every comparison to a number field, leaving empty values out of comparisons", async () => {
    const count = (c: TCompany) => c.employeeCount;
    expect(await names({ "filter[employeeCount][eq]": "50" })).toEqual(["bravo", "delta"]);
    expect(await names({ "filter[employeeCount][ne]": "50" })).toEqual(expected((c) => count(c) !== 50));
    expect(await names({ "filter[employeeCount][lt]": "50" })).toEqual(["alpha", "golf"]);
    expect(await names({ "filter[employeeCount][lte]": "50" })).toEqual(["alpha", "bravo", "delta", "golf"]);
    expect(await names({ "filter[employeeCount][gt]": "10" })).toEqual(["bravo", "delta", "echo"]);
    expect(await names({ "filter[employeeCount][gte]": "200" })).toEqual(["echo"]);
    expect(await names({ "filter[employeeCount][in]": "10,200" })).toEqual(["alpha", "echo", "golf"]);
    expect(await names({ "filter[employeeCount][isNull]": "true" })).toEqual(["charlie", "foxtrot"]);
    expect(await names({ "filter[employeeCount][isNull]": "false" })).toHaveLength(5);
  });

  it("apply comparisons to a timestamp field", async () => {
    const pivot = companies[3]!.createdAt;
    const at = (c: TCompany) => Date.parse(c.createdAt);
    const p = Date.parse(pivot);
    expect(await names({ "filter[createdAt][lt]": pivot })).toEqual(expected((c) => at(c) < p));
    expect(await names({ "filter[createdAt][lte]": pivot })).toEqual(expected((c) => at(c) <= p));
    expect(await names({ "filter[createdAt][gt]": pivot })).toEqual(expected((c) => at(c) > p));
    expect(await names({ "filter[createdAt][gte]": pivot })).toEqual(expected((c) => at(c) >= p));
    expect(await names({ "filter[createdAt][eq]": pivot })).toEqual(expected((c) => at(c) === p));
    expect(await names({ "filter[createdAt][ne]": pivot })).toEqual(expected((c) => at(c) !== p));
    expect(await names({ "filter[createdAt][in]": `${companies[0]!.createdAt},${pivot}` })).toEqual(
      expected((c) => at(c) === p || at(c) === Date.parse(companies[0]!.createdAt)),
    );
    expect(await names({ "filter[createdAt][isNull]": "true" })).toEqual([]);
    // Some rows fall on each side, so the comparisons above are not trivially all or nothing.
    expect(expected((c) => at(c) < p).length).toBeGreaterThan(0);
    expect(expected((c) => at(c) > p).length).toBeGreaterThan(0);
  });

  it("apply eq, ne, in, isNull and ordering to uuid fields", async () => {
    expect(await names({ "filter[ownerId][eq]": member.userId })).toEqual(["bravo", "foxtrot"]);
    expect(await names({ "filter[ownerId][ne]": admin.userId })).toEqual([
      "bravo",
      "charlie",
      "echo",
      "foxtrot",
    ]);
    expect(await names({ "filter[ownerId][in]": `${member.userId},${admin.userId}` })).toEqual(
      expected((c) => c.ownerId !== null),
    );
    expect(await names({ "filter[ownerId][isNull]": "true" })).toEqual(["charlie", "echo"]);
    const pivotId = companies[2]!.id;
    expect(await names({ "filter[id][eq]": pivotId })).toEqual(["charlie"]);
    expect(await names({ "filter[id][lt]": pivotId })).toEqual(expected((c) => c.id < pivotId));
    expect(await names({ "filter[id][gte]": pivotId })).toEqual(expected((c) => c.id >= pivotId));
  });

  it("apply eq/contains, ne, in and isNull to a tags field", async () => {
    expect(await names({ "filter[tags][eq]": "a" })).toEqual(["alpha", "echo", "golf"]);
    expect(await names({ "filter[tags][contains]": "c" })).toEqual(["delta", "golf"]);
    expect(await names({ "filter[tags][ne]": "a" })).toEqual(["bravo", "charlie", "delta", "foxtrot"]);
    expect(await names({ "filter[tags][in]": "b,c" })).toEqual(["alpha", "bravo", "delta", "golf"]);
    expect(await names({ "filter[tags][isNull]": "true" })).toEqual(["charlie", "foxtrot"]);
    expect(await names({ "filter[tags][isNull]": "false" })).toEqual(expected((c) => c.tags.length > 0));
  });

  it("combine several filters with AND", async () => {
    expect(
      await names({
        "filter[tags][eq]": "a",
        "filter[employeeCount][lte]": "50",
        "filter[ownerId][eq]": admin.userId,
      }),
    ).toEqual(["alpha", "golf"]);
    expect(
      await names({
        "filter[employeeCount][gte]": "10",
        "filter[employeeCount][lt]": "200",
        "filter[name][ne]": "golf",
      }),
    ).toEqual(["alpha", "bravo", "delta"]);
    expect(await names({ "filter[industry][contains]": "soft", "filter[tags][isNull]": "true" })).toEqual([]);
  });

  it("match % and _ literally in contains", async () => {
    const other = await buildWorkspace(ctx, admin);
    await buildCompany(ctx, other, { name: "100% organic" });
    await buildCompany(ctx, other, { name: "1000 organic" });
    await buildCompany(ctx, other, { name: "snake_case ltd" });
    await buildCompany(ctx, other, { name: "snakeXcase ltd" });
    const list = async (value: string) => {
      const response = await ctx.request({
        path: `/api/v1/companies${query({ "filter[name][contains]": value })}`,
        as: other,
      });
      return (response.body.data as TCompany[]).map((c) => c.name).sort();
    };
    expect(await list("0%")).toEqual(["100% organic"]);
    expect(await list("e_c")).toEqual(["snake_case ltd"]);
  });

  it("refuse unknown fields, unknown operators, operators that do not fit and malformed values", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ "filter[nope][eq]": "x" }, "filter[nope][eq]"],
      [{ "filter[name][like]": "x" }, "filter[name][like]"],
      [{ "filter[employeeCount][contains]": "1" }, "filter[employeeCount][contains]"],
      [{ "filter[employeeCount][eq]": "ten" }, "filter[employeeCount][eq]"],
      [{ "filter[createdAt][lt]": "yesterday" }, "filter[createdAt][lt]"],
      [{ "filter[createdAt][lt]": "+020000-01-01T00:00:00Z" }, "filter[createdAt][lt]"],
      [{ "filter[createdAt][gte]": "-000001-01-01T00:00:00Z" }, "filter[createdAt][gte]"],
      [{ "filter[ownerId][eq]": "not-a-uuid" }, "filter[ownerId][eq]"],
      [{ "filter[tags][lt]": "a" }, "filter[tags][lt]"],
      [{ "filter[name][isNull]": "maybe" }, "filter[name][isNull]"],
      [{ "filter[name][in]": " , " }, "filter[name][in]"],
      [{ filterx: "1" }, "filterx"],
    ];
    for (const [params, path] of cases) {
      const response = await ctx.request({ path: `/api/v1/companies${query(params)}`, as: admin });
      expect(expectProblem(response, 400, "invalid_filter"), JSON.stringify(params)).toContain(path);
    }
  });

  it("refuses a filter given twice", async () => {
    const response = await ctx.request({
      path: "/api/v1/companies?filter%5Bname%5D%5Beq%5D=alpha&filter%5Bname%5D%5Beq%5D=bravo",
      as: admin,
    });
    expectProblem(response, 400, "invalid_filter");
  });
});

type SortKey = "name" | "employeeCount" | "domain" | "createdAt";

/** The documented order: by the field (NULLS LAST in both directions), ties broken by id in the same direction. */
function sortedBy(field: SortKey, descending: boolean): string[] {
  const sortValue = (c: TCompany): string | number | null =>
    field === "createdAt" ? Date.parse(c.createdAt) : (c[field] as string | number | null);
  return [...companies]
    .sort((a, b) => {
      const x = sortValue(a);
      const y = sortValue(b);
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      const direction = descending ? -1 : 1;
      if (x !== null && y !== null && x !== y) return (x < y ? -1 : 1) * direction;
      return (a.id < b.id ? -1 : 1) * direction;
    })
    .map((c) => c.name);
}

describe("sorting and keyset pagination", () => {
  const sorts = [
    "name",
    "-name",
    "employeeCount",
    "-employeeCount",
    "domain",
    "-domain",
    "createdAt",
    "-createdAt",
  ];

  it("sorts ascending and descending with empty values last and ties broken by id", async () => {
    // the seed has ties (employeeCount 10 and 50, domain c.example) and empty values
    for (const sort of sorts) {
      const response = await ctx.request({
        path: `/api/v1/companies${query({ sort, limit: 200 })}`,
        as: admin,
      });
      expect(response.status).toBe(200);
      const descending = sort.startsWith("-");
      const field = sort.replace("-", "") as SortKey;
      expect(
        response.body.data.map((c: TCompany) => c.name),
        sort,
      ).toEqual(sortedBy(field, descending));
      expect(response.body.nextCursor).toBeNull();
    }
  });

  it("puts empty values last in both directions", async () => {
    for (const sort of ["employeeCount", "-employeeCount"]) {
      const response = await ctx.request({ path: `/api/v1/companies${query({ sort })}`, as: admin });
      const counts = response.body.data.map((c: TCompany) => c.employeeCount);
      expect(counts.slice(-2)).toEqual([null, null]);
      expect(counts.slice(0, -2)).not.toContain(null);
    }
  });

  it("sorts by -createdAt when no sort is given", async () => {
    const response = await ctx.request({ path: "/api/v1/companies", as: admin });
    expect(response.body.data.map((c: TCompany) => c.name)).toEqual(sortedBy("createdAt", true));
  });

  it("walks every page with no duplicates and no gaps, for every sort and page size", async () => {
    for (const sort of sorts) {
      for (const limit of [1, 2, 3]) {
        const rows = await listAll<TCompany>(ctx, admin, "/api/v1/companies", { sort, limit });
        const descending = sort.startsWith("-");
        expect(
          rows.map((c) => c.name),
          `${sort} limit ${limit}`,
        ).toEqual(sortedBy(sort.replace("-", "") as SortKey, descending));
      }
    }
  });

  it("pages through a filtered list with the filter kept on every page", async () => {
    const rows = await listAll<TCompany>(ctx, admin, "/api/v1/companies", {
      sort: "-employeeCount",
      limit: 1,
      "filter[tags][isNull]": "false",
    });
    expect(rows.map((c) => c.name)).toEqual(
      sortedBy("employeeCount", true).filter((name) => SEED.find((s) => s.name === name)!.tags.length > 0),
    );
  });

  it("keeps later pages stable when rows are inserted before the cursor", async () => {
    const workspace = await buildWorkspace(ctx, admin);
    for (const name of ["bb", "dd", "ff", "hh", "jj"]) await buildCompany(ctx, workspace, { name });
    const first = await ctx.request({
      path: `/api/v1/companies${query({ sort: "name", limit: 2 })}`,
      as: workspace,
    });
    expect(first.body.data.map((c: TCompany) => c.name)).toEqual(["bb", "dd"]);
    // Rows that sort before the cursor appear between requests; the next page must not shift.
    await buildCompany(ctx, workspace, { name: "aa" });
    await buildCompany(ctx, workspace, { name: "cc" });
    const second = await ctx.request({
      path: `/api/v1/companies${query({ sort: "name", limit: 2, cursor: first.body.nextCursor })}`,
      as: workspace,
    });
    expect(second.body.data.map((c: TCompany) => c.name)).toEqual(["ff", "hh"]);
    // A row after the cursor does show up on a later page.
    await buildCompany(ctx, workspace, { name: "ii" });
    const third = await ctx.request({
      path: `/api/v1/companies${query({ sort: "name", limit: 2, cursor: second.body.nextCursor })}`,
      as: workspace,
    });
    expect(third.body.data.map((c: TCompany) => c.name)).toEqual(["ii", "jj"]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("keeps the default newest-first order stable while new records arrive", async () => {
    const workspace = await buildWorkspace(ctx, admin);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await buildCompany(ctx, workspace, { name: `n${i}` })).name);
    const first = await ctx.request({ path: "/api/v1/companies?limit=2", as: workspace });
    expect(first.body.data.map((c: TCompany) => c.name)).toEqual(["n4", "n3"]);
    await buildCompany(ctx, workspace, { name: "newer" });
    const rest = await listAll<TCompany>(ctx, workspace, "/api/v1/companies", {
      limit: 2,
      cursor: first.body.nextCursor,
    });
    expect(rest.map((c) => c.name)).toEqual(["n2", "n1", "n0"]);
  });

  it("pages through records created in the same millisecond in both directions", async () => {
    const workspace = await buildWorkspace(ctx, admin);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await buildCompany(ctx, workspace)).id);
    await ctx.database.raw.query(
      "update companies set created_at = $1 where workspace_id = $2 and id = any($3)",
      ["2026-01-01T00:00:00.000Z", workspace.workspaceId, ids.slice(1, 4)],
    );
    const ascending = await listAll<TCompany>(ctx, workspace, "/api/v1/companies", {
      sort: "createdAt",
      limit: 1,
    });
    const descending = await listAll<TCompany>(ctx, workspace, "/api/v1/companies", {
      sort: "-createdAt",
      limit: 2,
    });
    // the three equal ones come first (oldest) ordered by id, then the other two by time
    const tied = ids.slice(1, 4).sort();
    expect(ascending.map((c) => c.id)).toEqual([...tied, ids[0], ids[4]]);
    expect(descending.map((c) => c.id)).toEqual([ids[4], ids[0], ...[...tied].reverse()]);
  });

  it("pages through people sorted by a nullable text field", async () => {
    const workspace = await buildWorkspace(ctx, admin);
    const lastNames = ["ma", null, "mb", "ma", null, "mc", "ma"];
    const people = [];
    for (const [index, lastName] of lastNames.entries()) {
      people.push(await buildPerson(ctx, workspace, { lastName, firstName: `p${index}` }));
    }
    for (const descending of [false, true]) {
      const expectedOrder = [...people]
        .sort((a, b) => {
          if (a.lastName === null && b.lastName !== null) return 1;
          if (b.lastName === null && a.lastName !== null) return -1;
          const d = descending ? -1 : 1;
          if (a.lastName !== b.lastName) return (a.lastName! < b.lastName! ? -1 : 1) * d;
          return (a.id < b.id ? -1 : 1) * d;
        })
        .map((p) => p.firstName);
      const rows = await listAll<(typeof people)[number]>(ctx, workspace, "/api/v1/people", {
        sort: descending ? "-lastName" : "lastName",
        limit: 2,
      });
      expect(rows.map((p) => p.firstName)).toEqual(expectedOrder);
    }
  });

  it("refuses unknown and unsortable sort fields", async () => {
    for (const sort of ["nope", "-nope", "tags", "relationshipTypes"]) {
      const response = await ctx.request({ path: `/api/v1/companies${query({ sort })}`, as: admin });
      expect(expectProblem(response, 400, "invalid_sort")).toEqual(["sort"]);
    }
  });

  it("accepts limit 200 and refuses 0 and 201", async () => {
    expect((await ctx.request({ path: "/api/v1/companies?limit=200", as: admin })).status).toBe(200);
    for (const limit of ["0", "201", "abc"]) {
      const response = await ctx.request({ path: `/api/v1/companies?limit=${limit}`, as: admin });
      expect(expectProblem(response, 400, "validation_failed")).toContain("querystring.limit");
    }
    const id = companies[0]!.id;
    for (const path of ["/api/v1/people", "/api/v1/trash", `/api/v1/audit-log?recordId=${id}`]) {
      const join = path.includes("?") ? "&" : "?";
      expect((await ctx.request({ path: `${path}${join}limit=200`, as: admin })).status, path).toBe(200);
      const response = await ctx.request({ path: `${path}${join}limit=201`, as: admin });
      expect(expectProblem(response, 400, "validation_failed"), path).toContain("querystring.limit");
    }
  });

  it("refuses malformed cursors with invalid_cursor", async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const id = companies[0]!.id;
    const cases: [string, string][] = [
      ["name", "not-a-cursor"],
      ["name", encode({ value: "x" })],
      ["name", encode(["alpha", "not-a-uuid", "name"])],
      ["name", encode([1, id, "name"])],
      ["name", encode(["alpha"])],
      ["name", encode(["alpha", id])],
      // a well-formed cursor whose value is not a number, for a number sort
      ["employeeCount", encode(["ten", id, "employeeCount"])],
    ];
    for (const [sort, cursor] of cases) {
      const response = await ctx.request({ path: `/api/v1/companies${query({ sort, cursor })}`, as: admin });
      expect(expectProblem(response, 400, "invalid_cursor"), cursor).toEqual(["cursor"]);
    }
  });

  it("refuses a cursor whose value does not fit the sort field with invalid_cursor", async () => {
    const byName = await ctx.request({ path: "/api/v1/companies?sort=name&limit=1", as: admin });
    const response = await ctx.request({
      path: `/api/v1/companies${query({ sort: "employeeCount", cursor: byName.body.nextCursor })}`,
      as: admin,
    });
    expect(expectProblem(response, 400, "invalid_cursor")).toEqual(["cursor"]);
  });
});

describe("text search", () => {
  it("finds by part of the name or domain, ignoring case", async () => {
    expect(await names({ q: "LPH" })).toEqual(["alpha"]);
    expect(await names({ q: "c.example" })).toEqual(["charlie", "golf"]);
    expect(await names({ q: "zzz" })).toEqual([]);
  });
});
