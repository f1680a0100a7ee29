import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";
import { RECORD_REFERENCES } from "../records/record-references.ts";

let ctx: TestContext;
let admin: TestUser;
let reader: TestUser;
let stranger: TestUser;

async function post(user: TestUser, path: string, body: unknown, status = 201) {
  const response = await ctx.request({ method: "POST", path, as: user, body });
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body;
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
  const workspace = (await ctx.services.workspaces.findWorkspaceById(admin.workspaceId))!.name;
  reader = await ctx.createUser({ role: "readonly", workspace });
  stranger = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

describe("duplicate finder", () => {
  it("pairs people by email, phone and similar names at the same company or city, and warns before a create", async () => {
    const acme = await post(admin, "/api/v1/companies", { name: "Acme GmbH", domain: "acme.de" });
    const a = await post(admin, "/api/v1/people", {
      firstName: "Jörg",
      lastName: "Müller",
      email: "jm@acme.de",
      companyId: acme.id,
    });
    const b = await post(admin, "/api/v1/people", {
      firstName: "Joerg",
      lastName: "Mueller",
      email: "JM@acme.de",
      companyId: acme.id,
    });
    const c = await post(admin, "/api/v1/people", {
      firstName: "Hanna",
      lastName: "Schulz",
      phone: "0171 5550001",
      address: { city: "Köln" },
    });
    const d = await post(admin, "/api/v1/people", {
      firstName: "Hannah",
      lastName: "Schulz",
      phone: "+49 171 5550001",
      address: { city: "Köln" },
    });
    const e = await post(admin, "/api/v1/people", {
      firstName: "Peter",
      lastName: "Schulz",
      address: { city: "Bonn" },
    });

    const response = await ctx.request({ path: "/api/v1/duplicates?object=person", as: reader });
    expect(response.status).toBe(200);
    const pairs = response.body.data.map(
      (pair: { a: { id: string }; b: { id: string }; reasons: string[] }) => ({
        ids: [pair.a.id, pair.b.id].sort().join(),
        reasons: pair.reasons,
      }),
    );
    expect(pairs).toContainEqual({ ids: [a.id, b.id].sort().join(), reasons: ["email", "name_company"] });
    expect(pairs).toContainEqual({ ids: [c.id, d.id].sort().join(), reasons: ["name_city", "phone"] });
    expect(pairs.some((pair: { ids: string }) => pair.ids.includes(e.id))).toBe(false);

    const check = await ctx.request({
      path: "/api/v1/duplicates/check?object=person&phone=0171%2F5550001",
      as: reader,
    });
    expect(check.body.data.map((row: { id: string }) => row.id).sort()).toEqual([c.id, d.id].sort());
    const byName = await ctx.request({
      path: `/api/v1/duplicates/check?object=person&firstName=Jorg&lastName=Muller&companyId=${acme.id}`,
      as: reader,
    });
    expect(byName.body.data.map((row: { id: string }) => row.id).sort()).toEqual([a.id, b.id].sort());
    const fresh = await ctx.request({
      path: "/api/v1/duplicates/check?object=person&email=nobody@acme.de",
      as: reader,
    });
    expect(fresh.body.data).toEqual([]);
    const foreign = await ctx.request({
      path: "/api/v1/duplicates/check?object=person&email=jm@acme.de",
      as: stranger,
    });
    expect(foreign.body.data).toEqual([]);
    expect((await ctx.request({ path: "/api/v1/duplicates?object=person", as: stranger })).body.data).toEqual(
      [],
    );
  });

  it("pairs companies by domain and similar name in the same city", async () => {
    const x = await post(admin, "/api/v1/companies", { name: "Bäckerei Schön", address: { city: "Ulm" } });
    const y = await post(admin, "/api/v1/companies", { name: "Baeckerei Schoen", address: { city: "Ulm" } });
    const response = await ctx.request({ path: "/api/v1/duplicates?object=company", as: admin });
    const ids = response.body.data.map((pair: { a: { id: string }; b: { id: string } }) =>
      [pair.a.id, pair.b.id].sort().join(),
    );
    expect(ids).toContain([x.id, y.id].sort().join());
  });
});

describe("merge and undo", () => {
  it("moves every kind of linked record to the survivor and undo restores both sides", async () => {
    const company = await post(admin, "/api/v1/companies", { name: "Merge AG" });
    const other = await post(admin, "/api/v1/companies", { name: "Vorher GmbH" });
    const survivor = await post(admin, "/api/v1/people", {
      firstName: "Eva",
      lastName: "Lang",
      email: "eva@merge.de",
      tags: ["kunde"],
      companyId: company.id,
    });
    const merged = await post(admin, "/api/v1/people", {
      firstName: "Eva",
      lastName: "Lang",
      email: "eva.lang@privat.de",
      phone: "030 1112223",
      jobTitle: "Einkauf",
      tags: ["messe"],
      companyId: other.id,
    });
    // Linked records of every kind: employments (through companyId), relations in both directions,
    // static segment membership, including one the survivor already has (a collision).
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${merged.id}`,
      as: admin,
      body: { companyId: company.id },
    });
    const boss = await post(admin, "/api/v1/people", { lastName: "Chef" });
    const relationFrom = await post(admin, "/api/v1/relations", {
      from: { type: "person", id: merged.id },
      to: { type: "person", id: boss.id },
      label: "assistant_of",
    });
    const relationTo = await post(admin, "/api/v1/relations", {
      from: { type: "company", id: other.id },
      to: { type: "person", id: merged.id },
      label: "referred_by",
    });
    const segmentA = await post(admin, "/api/v1/segments", { object: "person", name: "A", kind: "static" });
    const segmentB = await post(admin, "/api/v1/segments", { object: "person", name: "B", kind: "static" });
    await post(admin, `/api/v1/segments/${segmentA.id}/members`, { ids: [merged.id, survivor.id] }, 200);
    await post(admin, `/api/v1/segments/${segmentB.id}/members`, { ids: [merged.id] }, 200);

    const denied = await ctx.request({
      method: "POST",
      path: "/api/v1/merges",
      as: reader,
      body: { object: "person", survivorId: survivor.id, mergedId: merged.id },
    });
    expect(denied.status).toBe(403);
    const foreign = await ctx.request({
      method: "POST",
      path: "/api/v1/merges",
      as: stranger,
      body: { object: "person", survivorId: survivor.id, mergedId: merged.id },
    });
    expect(foreign.status).toBe(404);

    const result = await post(
      admin,
      "/api/v1/merges",
      { object: "person", survivorId: survivor.id, mergedId: merged.id },
      200,
    );
    expect(result.survivor).toMatchObject({
      email: "eva@merge.de",
      additionalEmails: ["eva.lang@privat.de"],
      phone: "+49301112223",
      additionalPhones: [],
      jobTitle: "Einkauf",
      companyId: company.id,
    });
    expect(result.survivor.tags.sort()).toEqual(["kunde", "messe"]);
    expect(result.merge.moved).toMatchObject({ employments: 2, relations: 2, segment_members: 2 });

    expect((await ctx.request({ path: `/api/v1/people/${merged.id}`, as: admin })).status).toBe(404);
    const employments = await ctx.request({ path: `/api/v1/people/${survivor.id}/employments`, as: admin });
    expect(employments.body.data.map((row: { companyId: string }) => row.companyId).sort()).toEqual(
      [company.id, company.id, other.id].sort(),
    );
    const relations = await ctx.request({ path: `/api/v1/relations?recordId=${survivor.id}`, as: admin });
    expect(relations.body.data.map((row: { id: string }) => row.id).sort()).toEqual(
      [relationFrom.id, relationTo.id].sort(),
    );
    expect((await ctx.request({ path: `/api/v1/segments/${segmentA.id}/count`, as: admin })).body.count).toBe(
      1,
    );
    expect(
      (await ctx.request({ path: `/api/v1/segments/${segmentB.id}/members`, as: admin })).body.data[0].id,
    ).toBe(survivor.id);
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${survivor.id}`, as: admin });
    expect(audit.body.data[0]).toMatchObject({ action: "merge", changes: { mergedId: { new: merged.id } } });

    // An edit after the merge is kept by the undo; untouched merged-in values go back.
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${survivor.id}`,
      as: admin,
      body: { jobTitle: "Leitung Einkauf" },
    });
    const undo = await ctx.request({
      method: "POST",
      path: `/api/v1/merges/${result.merge.id}/undo`,
      as: admin,
    });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.undoneAt).not.toBeNull();

    const restored = await ctx.request({ path: `/api/v1/people/${merged.id}`, as: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      email: "eva.lang@privat.de",
      jobTitle: "Einkauf",
      tags: ["messe"],
      companyId: company.id,
    });
    const survivorAfter = await ctx.request({ path: `/api/v1/people/${survivor.id}`, as: admin });
    expect(survivorAfter.body).toMatchObject({
      additionalEmails: [],
      phone: null,
      tags: ["kunde"],
      jobTitle: "Leitung Einkauf",
    });
    const mergedEmployments = await ctx.request({
      path: `/api/v1/people/${merged.id}/employments`,
      as: admin,
    });
    expect(mergedEmployments.body.data).toHaveLength(2);
    expect(
      (await ctx.request({ path: `/api/v1/relations?recordId=${merged.id}`, as: admin })).body.data,
    ).toHaveLength(2);
    expect(
      (await ctx.request({ path: `/api/v1/relations?recordId=${survivor.id}`, as: admin })).body.data,
    ).toHaveLength(0);
    expect((await ctx.request({ path: `/api/v1/segments/${segmentA.id}/count`, as: admin })).body.count).toBe(
      2,
    );
    expect(
      (await ctx.request({ path: `/api/v1/segments/${segmentB.id}/members`, as: admin })).body.data[0].id,
    ).toBe(merged.id);

    const again = await ctx.request({
      method: "POST",
      path: `/api/v1/merges/${result.merge.id}/undo`,
      as: admin,
    });
    expect(again.status).toBe(409);
  });

  it("merges companies with their people and refuses an undo after 30 days", async () => {
    const keep = await post(admin, "/api/v1/companies", { name: "Keep GmbH", domain: "keep.de" });
    const drop = await post(admin, "/api/v1/companies", {
      name: "Keep G.m.b.H.",
      industry: "Handel",
      relationshipTypes: ["supplier"],
    });
    const worker = await post(admin, "/api/v1/people", { lastName: "Arbeiter", companyId: drop.id });
    const result = await post(
      admin,
      "/api/v1/merges",
      { object: "company", survivorId: keep.id, mergedId: drop.id },
      200,
    );
    expect(result.survivor).toMatchObject({
      name: "Keep GmbH",
      industry: "Handel",
      relationshipTypes: ["supplier"],
    });
    expect((await ctx.request({ path: `/api/v1/people/${worker.id}`, as: admin })).body.companyId).toBe(
      keep.id,
    );
    const late = ctx.services.merges.undo(
      { userId: admin.userId, workspaceId: admin.workspaceId, role: "admin", via: "api_key" },
      result.merge.id,
      new Date(Date.now() + 31 * 86_400_000),
    );
    await expect(late).rejects.toMatchObject({ code: "conflict" });
    const undo = await ctx.request({
      method: "POST",
      path: `/api/v1/merges/${result.merge.id}/undo`,
      as: admin,
    });
    expect(undo.status).toBe(200);
    expect((await ctx.request({ path: `/api/v1/people/${worker.id}`, as: admin })).body.companyId).toBe(
      drop.id,
    );
  });

  it("registers every column that points at a person or company for merges", async () => {
    const result = (await ctx.database.db.execute(sql`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public'
         AND (column_name IN ('person_id', 'company_id', 'record_id', 'from_id', 'to_id', 'survivor_id'))
       ORDER BY table_name, column_name`)) as unknown as {
      rows: { table_name: string; column_name: string }[];
    };
    // Tables that keep history by design, not links to move.
    const history = new Set(["audit_log", "domain_events", "merges"]);
    const missing = result.rows
      .filter((row) => !history.has(row.table_name))
      .filter(
        (row) =>
          !RECORD_REFERENCES.some(
            (reference) => reference.table === row.table_name && reference.column === row.column_name,
          ),
      )
      .map((row) => `${row.table_name}.${row.column_name}`);
    expect(missing).toEqual([]);
  });
});
