import type { TSegmentDefinition } from "@kontor/contracts";
import { type SQLWrapper, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";
import { companySegmentResolver, personSegmentResolver } from "./segment-fields.ts";
import { countCompaniesQuery, countPeopleQuery } from "./segments.repository.ts";
import { compileDefinition } from "./segments.service.ts";

// The segment count over 1,000,000 people is read from covering indexes (decision 0015); these
// tests check on small data that the statements the API runs still match those indexes.
let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
  const company = await ctx.request({
    method: "POST",
    path: "/api/v1/companies",
    as: admin,
    body: { name: "Werk AG", industry: "Maschinenbau", address: { postalCode: "80331", city: "München" } },
  });
  for (const postalCode of ["80331", "80999", "90402", "8000", "10115"]) {
    await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: `PLZ ${postalCode}`, companyId: company.body.id, address: { postalCode } },
    });
  }
  // Index-only scans need the visibility map.
  await ctx.database.raw.exec("VACUUM ANALYZE people");
  await ctx.database.raw.exec("VACUUM ANALYZE companies");
});
afterAll(() => ctx.close());

async function plan(query: SQLWrapper) {
  return ctx.database.db.transaction(async (tx) => {
    // Tiny tables make a sequential scan cheapest; the question is whether an index path exists.
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    const result = (await tx.execute(sql`EXPLAIN ${query}`)) as unknown as {
      rows: { "QUERY PLAN": string }[];
    };
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

/** The plan reads `index` alone, with `column` in its index condition (not a filter after it). */
function readsIndexOnly(index: string, column: string) {
  return new RegExp(String.raw`Index Only Scan using ${index}[^\n]*\n\s+Index Cond: [^\n]*${column}`);
}

const personCount = (definition: TSegmentDefinition) =>
  countPeopleQuery(
    ctx.database.db,
    admin.workspaceId,
    compileDefinition(definition, personSegmentResolver([])),
  );

describe("segment count plans", () => {
  it("counts a postal code prefix at companies of an industry from the indexes alone", async () => {
    const text = await plan(
      personCount({
        match: "all",
        conditions: [
          { field: "company.industry", op: "eq", value: "Maschinenbau" },
          { field: "postalCode", op: "startsWith", value: "8" },
        ],
      }),
    );
    expect(text).toMatch(readsIndexOnly("people_ws_postal_code_idx", "postal_code"));
    expect(text).toMatch(readsIndexOnly("companies_ws_industry_idx", "industry"));
  });

  it("serves a postal code range from the same index, in byte order", async () => {
    const definition: TSegmentDefinition = {
      match: "all",
      conditions: [
        { field: "postalCode", op: "gte", value: "80000" },
        { field: "postalCode", op: "lte", value: "89999" },
      ],
    };
    expect(await plan(personCount(definition))).toMatch(
      readsIndexOnly("people_ws_postal_code_idx", "postal_code"),
    );
    const [row] = await personCount(definition);
    // 80331 and 80999; "8000" sorts before "80000", 90402 and 10115 are outside.
    expect(row!.value).toBe(2);
  });

  it("counts companies by postal code prefix from their index", async () => {
    const query = countCompaniesQuery(
      ctx.database.db,
      admin.workspaceId,
      compileDefinition(
        { match: "all", conditions: [{ field: "postalCode", op: "startsWith", value: "80" }] },
        companySegmentResolver([]),
      ),
    );
    expect(await plan(query)).toMatch(readsIndexOnly("companies_ws_postal_code_idx", "postal_code"));
    expect((await query)[0]!.value).toBe(1);
  });
});
