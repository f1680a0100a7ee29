import type { TCompany } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, buildWorkspace, countRows, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

describe("create and read", () => {
  it("creates a company with normalised domain, phone and money, and reads it back", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/companies",
      as: admin,
      body: {
        name: "  Müller GmbH  ",
        domain: "Mueller.Example.DE",
        industry: "Maschinenbau",
        employeeCount: 120,
        annualRevenue: { amount: "1250000.5", currency: "EUR" },
        address: { street: "Hauptstraße 1", postalCode: "80331", city: "München", country: "DE" },
        phone: "089 1234567",
        website: "https://mueller.example.de",
        tags: ["key account"],
        relationshipTypes: ["customer", "customer", "partner"],
      },
    });
    expect(response.status).toBe(201);
    const company = response.body as TCompany;
    expect(company).toMatchObject({
      name: "Müller GmbH",
      domain: "mueller.example.de",
      employeeCount: 120,
      annualRevenue: { amount: "1250000.50", currency: "EUR" },
      phone: "+49891234567",
      relationshipTypes: ["customer", "partner"],
      version: 1,
      createdBy: admin.userId,
      deletedAt: null,
    });
    const read = await ctx.request({ path: `/api/v1/companies/${company.id}`, as: admin });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(read.body).toEqual(company);
  });

  it("keeps up to four decimals of money exactly", async () => {
    const company = await buildCompany(ctx, admin, { annualRevenue: { amount: "-0.1234", currency: "CHF" } });
    expect(company.annualRevenue).toEqual({ amount: "-0.1234", currency: "CHF" });
    const big = await buildCompany(ctx, admin, {
      annualRevenue: { amount: "999999999999999.9999", currency: "USD" },
    });
    expect(big.annualRevenue).toEqual({ amount: "999999999999999.9999", currency: "USD" });
  });

  it("answers 404 company_not_found for an unknown id", async () => {
    const response = await ctx.request({
      path: "/api/v1/companies/0190a000-0000-7000-8000-000000000000",
      as: admin,
    });
    expectProblem(response, 404, "company_not_found");
  });
});

describe("bad input is a problem+json and writes nothing", () => {
  const cases: [string, unknown, string][] = [
    ["a missing name", { domain: "x.example" }, "name"],
    ["an empty name", { name: "   " }, "name"],
    ["a name over 200 characters", { name: "n".repeat(201) }, "name"],
    ["an unknown field", { name: "A", revenue: 5 }, "revenue"],
    ["a wrong type", { name: "A", employeeCount: "many" }, "employeeCount"],
    ["a fractional employee count", { name: "A", employeeCount: 1.5 }, "employeeCount"],
    [
      "a currency that is too long",
      { name: "A", annualRevenue: { amount: "1.00", currency: "EURO" } },
      "annualRevenue.currency",
    ],
    [
      "an unassigned currency",
      { name: "A", annualRevenue: { amount: "1.00", currency: "XXY" } },
      "annualRevenue.currency",
    ],
    [
      "a lowercase currency",
      { name: "A", annualRevenue: { amount: "1.00", currency: "eur" } },
      "annualRevenue.currency",
    ],
    [
      "money as a float",
      { name: "A", annualRevenue: { amount: 1.5, currency: "EUR" } },
      "annualRevenue.amount",
    ],
    [
      "money with five decimals",
      { name: "A", annualRevenue: { amount: "1.12345", currency: "EUR" } },
      "annualRevenue.amount",
    ],
    ["an unknown country", { name: "A", address: { country: "ZZ" } }, "address.country"],
    ["an invalid phone", { name: "A", phone: "0000" }, "phone"],
    ["an invalid domain", { name: "A", domain: "not a domain" }, "domain"],
    ["a website that is not http(s)", { name: "A", website: "ftp://files.example" }, "website"],
    [
      "an unconfigured relationship type",
      { name: "A", relationshipTypes: ["customer", "friend"] },
      "relationshipTypes.1",
    ],
    [
      "an owner outside the workspace",
      { name: "A", ownerId: "0190a000-0000-7000-8000-000000000000" },
      "ownerId",
    ],
  ];

  it.each(cases)("refuses %s", async (_label, body, path) => {
    const before = await countRows(ctx, "companies", admin.workspaceId);
    const response = await ctx.request({ method: "POST", path: "/api/v1/companies", as: admin, body });
    expect(expectProblem(response, 400, "validation_failed")).toContain(path);
    expect(await countRows(ctx, "companies", admin.workspaceId)).toBe(before);
  });

  it("refuses a malformed JSON body", async () => {
    const before = await countRows(ctx, "companies", admin.workspaceId);
    const response = await fetch(`${ctx.baseUrl}/api/v1/companies`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin.apiKey}`, "content-type": "application/json" },
      body: "{name: Acme}",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(((await response.json()) as { code: string }).code).toBe("validation_failed");
    expect(await countRows(ctx, "companies", admin.workspaceId)).toBe(before);
  });

  it("refuses an invalid update and keeps the record as it was", async () => {
    const company = await buildCompany(ctx, admin, { annualRevenue: { amount: "10.00", currency: "EUR" } });
    const response = await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      body: { name: "Renamed", annualRevenue: { amount: "10.00", currency: "EURO" } },
    });
    expect(expectProblem(response, 400, "validation_failed")).toContain("annualRevenue.currency");
    const read = await ctx.request({ path: `/api/v1/companies/${company.id}`, as: admin });
    expect(read.body).toEqual(company);
  });
});

describe("update and delete", () => {
  it("updates only the fields sent, clears with null and bumps the version", async () => {
    const company = await buildCompany(ctx, admin, { industry: "Retail", employeeCount: 5 });
    const updated = await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      body: { employeeCount: 6, industry: null },
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    expect(updated.body).toMatchObject({ name: company.name, employeeCount: 6, industry: null, version: 2 });
    const money = await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      body: { annualRevenue: { amount: "3", currency: "GBP" } },
    });
    expect(money.body.annualRevenue).toEqual({ amount: "3.00", currency: "GBP" });
    const cleared = await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      body: { annualRevenue: null },
    });
    expect(cleared.body).toMatchObject({ annualRevenue: null, version: 4 });
  });

  it("refuses a stale If-Match with 412 and changes nothing; a current one succeeds", async () => {
    const company = await buildCompany(ctx, admin, { name: "Initech" });
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      body: { industry: "IT" },
    });
    const stale = await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      headers: { "if-match": '"1"' },
      body: { name: "Initrode" },
    });
    expectProblem(stale, 412, "version_conflict");
    const read = await ctx.request({ path: `/api/v1/companies/${company.id}`, as: admin });
    expect(read.body).toMatchObject({ name: "Initech", industry: "IT", version: 2 });
    const current = await ctx.request({
      method: "PATCH",
      path: `/api/v1/companies/${company.id}`,
      as: admin,
      headers: { "if-match": 'W/"2"' },
      body: { name: "Initrode" },
    });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ name: "Initrode", version: 3 });
  });

  it("deletes to the trash and restores", async () => {
    const company = await buildCompany(ctx, admin);
    expect(
      (await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: admin })).status,
    ).toBe(204);
    expectProblem(
      await ctx.request({ path: `/api/v1/companies/${company.id}`, as: admin }),
      404,
      "company_not_found",
    );
    const list = await ctx.request({ path: `/api/v1/companies?filter[id][eq]=${company.id}`, as: admin });
    expect(list.body.data).toEqual([]);
    const restored = await ctx.request({
      method: "POST",
      path: `/api/v1/companies/${company.id}/restore`,
      as: admin,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: company.id, name: company.name, deletedAt: null });
    expectProblem(
      await ctx.request({ method: "POST", path: `/api/v1/companies/${company.id}/restore`, as: admin }),
      409,
      "not_in_trash",
    );
  });

  it("does not accept a company in the trash as a person's employer", async () => {
    const company = await buildCompany(ctx, admin);
    await ctx.request({ method: "DELETE", path: `/api/v1/companies/${company.id}`, as: admin });
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "Worker", companyId: company.id },
    });
    expect(expectProblem(response, 400, "validation_failed")).toContain("companyId");
  });

  it("filters by relationship type and annual revenue", async () => {
    const other = await buildWorkspace(ctx, admin);
    const customer = await buildCompany(ctx, other, {
      relationshipTypes: ["customer"],
      annualRevenue: { amount: "100.00", currency: "EUR" },
    });
    const supplier = await buildCompany(ctx, other, {
      relationshipTypes: ["supplier", "partner"],
      annualRevenue: { amount: "99.99", currency: "EUR" },
    });
    await buildPerson(ctx, other);
    const ids = async (filter: string) =>
      ((await ctx.request({ path: `/api/v1/companies?${filter}`, as: other })).body.data as TCompany[])
        .map((c) => c.id)
        .sort();
    expect(await ids("filter[relationshipTypes][eq]=customer")).toEqual([customer.id]);
    expect(await ids("filter[relationshipTypes][in]=partner,customer")).toEqual(
      [customer.id, supplier.id].sort(),
    );
    expect(await ids("filter[annualRevenue][gte]=100")).toEqual([customer.id]);
    expect(await ids("filter[annualRevenue][lt]=100")).toEqual([supplier.id]);
  });
});
