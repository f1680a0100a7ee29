import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../test/harness.ts";
import { recordRows } from "./row-reader.ts";
import { companies, people } from "./schema/index.ts";

let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

describe("row reader", () => {
  it("reads a record exactly as drizzle's select does, every column type included", async () => {
    const company = await ctx.request({
      method: "POST",
      path: "/api/v1/companies",
      as: admin,
      body: {
        name: "Müller GmbH",
        industry: "Maschinenbau",
        employeeCount: 120,
        annualRevenue: { amount: "1250000.5", currency: "EUR" },
        address: { postalCode: "80331", city: "München", country: "DE" },
        tags: ["key account"],
      },
    });
    const person = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: {
        firstName: "Jürgen",
        lastName: "Weiß",
        email: "j.weiss@example.de",
        phone: "089 1234567",
        birthday: "1970-02-28",
        companyId: company.body.id,
        tags: ["a", "b"],
        address: { street: "Hauptstraße 1", postalCode: "80331", city: "München", country: "DE" },
      },
    });
    const { db } = ctx.database;
    for (const [table, id] of [
      [people, person.body.id],
      [companies, company.body.id],
    ] as const) {
      const [expected] = await db.select().from(table).where(eq(table.id, id));
      const read = await recordRows(table).findById(db, admin.workspaceId, id);
      expect(read).toEqual(expected);
      expect(read!.createdAt).toBeInstanceOf(Date);
    }
  });

  it("does not find another workspace's record, nor a trashed one unless asked", async () => {
    const other = await ctx.createUser({ role: "admin" });
    const person = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "Eins" },
    });
    const reader = recordRows(people);
    const { db } = ctx.database;
    expect(await reader.findById(db, other.workspaceId, person.body.id)).toBeUndefined();
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.body.id}`, as: admin });
    expect(await reader.findById(db, admin.workspaceId, person.body.id)).toBeUndefined();
    const trashed = await reader.findById(db, admin.workspaceId, person.body.id, { withDeleted: true });
    expect(trashed?.deletedAt).toBeInstanceOf(Date);
  });

  it("inserts rows of different shapes as drizzle would: defaults for what a row leaves out", async () => {
    const { db } = ctx.database;
    const reader = recordRows(people);
    const base = { workspaceId: admin.workspaceId, createdBy: admin.userId };
    const values = [
      { ...base, id: uuidv7(), lastName: "Ohne", searchText: "ohne" },
      {
        ...base,
        id: uuidv7(),
        lastName: "Mit",
        tags: ["a"],
        address: { postalCode: "80331", city: "München" },
        birthday: "1980-02-29",
        customFields: { stufe: 3 },
        searchText: "mit",
      },
      { ...base, id: uuidv7(), lastName: null, email: "nur@example.de", searchText: "nur@example.de" },
    ];
    const stored = await reader.insertMany(db, values);
    expect(stored.map((row) => row.id)).toEqual(values.map((value) => value.id));
    for (const row of stored) {
      const [expected] = await db.select().from(people).where(eq(people.id, row.id));
      expect(row).toEqual(expected);
    }
    expect(stored[0]).toMatchObject({ tags: [], customFields: {}, address: null, version: 1 });
    expect(stored[1]).toMatchObject({
      tags: ["a"],
      address: { postalCode: "80331", city: "München" },
      postalCode: "80331",
      birthday: "1980-02-29",
      customFields: { stufe: 3 },
    });
    expect(stored[2]).toMatchObject({ lastName: null, email: "nur@example.de" });
  });

  it("fills what drizzle computes for a missing key, such as a UUIDv7 id", async () => {
    const base = { workspaceId: admin.workspaceId, createdBy: admin.userId, searchText: "" };
    const stored = await recordRows(people).insertMany(ctx.database.db, [
      { ...base, lastName: "Erste" },
      { ...base, lastName: "Zweite" },
    ]);
    expect(stored.map((row) => row.lastName)).toEqual(["Erste", "Zweite"]);
    for (const row of stored) expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(stored[0]!.id < stored[1]!.id).toBe(true);
  });
});
