import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let other: TestUser;
const ids: Record<string, string> = {};

async function create(user: TestUser, path: string, body: unknown) {
  const response = await ctx.request({ method: "POST", path, as: user, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

async function search(user: TestUser, q: string, extra = "") {
  const response = await ctx.request({ path: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, as: user });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as {
    groups: { type: string; hits: { id: string; matchedBy: string; score: number }[] }[];
  };
}

const hitIds = (result: Awaited<ReturnType<typeof search>>, type: string) =>
  result.groups.find((group) => group.type === type)?.hits.map((hit) => hit.id) ?? [];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "readonly" });
  const writer = await ctx.createUser({
    role: "member",
    workspace: (await ctx.services.workspaces.findWorkspaceById(admin.workspaceId))!.name,
  });
  ids.mueller = await create(writer, "/api/v1/people", {
    firstName: "Jörg",
    lastName: "Müller",
    email: "joerg@beispiel.de",
    phone: "+49 171 1234567",
  });
  ids.schmidt = await create(writer, "/api/v1/people", {
    firstName: "Anna",
    lastName: "Schmidt",
    additionalEmails: ["anna.privat@web.de"],
    additionalPhones: ["030 9876543"],
  });
  ids.strasse = await create(writer, "/api/v1/people", { firstName: "Hans", lastName: "Straßmann" });
  ids.meyer = await create(writer, "/api/v1/people", { firstName: "Claudia", lastName: "Meyer" });
  ids.baeckerei = await create(writer, "/api/v1/companies", {
    name: "Bäckerei Schön GmbH",
    domain: "baeckerei-schoen.de",
    phone: "089 123456",
  });
  ids.muellerCo = await create(writer, "/api/v1/companies", { name: "Mueller Logistik AG" });
  other = await ctx.createUser({ role: "admin" });
  ids.foreign = await create(other, "/api/v1/people", {
    firstName: "Jörg",
    lastName: "Müller",
    email: "other@beispiel.de",
  });
});
afterAll(() => ctx.close());

describe("GET /api/v1/search", () => {
  it("matches Müller = Mueller = Muller in both directions", async () => {
    for (const q of ["Müller", "Mueller", "Muller", "MÜLLER", "müll"]) {
      const result = await search(admin, q);
      expect(hitIds(result, "person"), q).toContain(ids.mueller);
      expect(hitIds(result, "company"), q).toContain(ids.muellerCo);
    }
    expect(hitIds(await search(admin, "Strassmann"), "person")).toContain(ids.strasse);
    expect(hitIds(await search(admin, "Baeckerei Schoen"), "company")).toContain(ids.baeckerei);
    expect(hitIds(await search(admin, "schön"), "company")).toContain(ids.baeckerei);
  });

  it("tolerates typos and ranks the closest first", async () => {
    expect(hitIds(await search(admin, "Schmdit"), "person")[0]).toBe(ids.schmidt);
    expect(hitIds(await search(admin, "Meier"), "person")).not.toContain(ids.schmidt);
    expect(hitIds(await search(admin, "Claudai Meyer"), "person")[0]).toBe(ids.meyer);
    expect(hitIds(await search(admin, "Xylophon"), "person")).toEqual([]);
  });

  it("finds people by email and phone in any format", async () => {
    const byEmail = await search(admin, "JOERG@beispiel.de");
    expect(hitIds(byEmail, "person")[0]).toBe(ids.mueller);
    expect(byEmail.groups[0]!.hits[0]!.matchedBy).toBe("email");
    expect(hitIds(await search(admin, "anna.privat@web.de"), "person")).toEqual([ids.schmidt]);
    for (const q of ["0171 1234567", "+491711234567", "(0171) 123-4567", "0049 171 1234567"]) {
      const result = await search(admin, q);
      expect(hitIds(result, "person"), q).toEqual([ids.mueller]);
      expect(result.groups[0]!.hits[0]!.matchedBy).toBe("phone");
    }
    expect(hitIds(await search(admin, "030/9876543"), "person")).toEqual([ids.schmidt]);
    expect(hitIds(await search(admin, "+49 89 123456"), "company")).toEqual([ids.baeckerei]);
  });

  it("never returns another workspace's records and skips the trash", async () => {
    const mine = hitIds(await search(admin, "Müller"), "person");
    expect(mine).not.toContain(ids.foreign);
    expect(hitIds(await search(other, "Müller"), "person")).toEqual([ids.foreign]);
    const byForeignEmail = await search(other, "joerg@beispiel.de");
    expect(hitIds(byForeignEmail, "person")).not.toContain(ids.mueller);
    expect(byForeignEmail.groups[0]!.hits.every((hit) => hit.matchedBy !== "email")).toBe(true);
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${ids.foreign}`, as: other });
    expect(hitIds(await search(other, "Müller"), "person")).toEqual([]);
  });

  it("filters by type, validates its query and keeps the search text current on update", async () => {
    const onlyCompanies = await search(admin, "Müller", "&types=company");
    expect(onlyCompanies.groups.map((group) => group.type)).toEqual(["company"]);
    const bad = await ctx.request({ path: "/api/v1/search?q=", as: admin });
    expect(bad.status).toBe(400);
    const badType = await ctx.request({ path: "/api/v1/search?q=x&types=deal", as: admin });
    expect(badType.status).toBe(400);

    const person = await ctx.request({ path: `/api/v1/people/${ids.meyer}`, as: other });
    expect(person.status).toBe(404);
    const writer = await ctx.createUser({
      role: "member",
      workspace: (await ctx.services.workspaces.findWorkspaceById(admin.workspaceId))!.name,
    });
    const renamed = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${ids.meyer}`,
      as: writer,
      body: { lastName: "Özdemir" },
    });
    expect(renamed.status).toBe(200);
    expect(hitIds(await search(admin, "Oezdemir"), "person")).toEqual([ids.meyer]);
    expect(hitIds(await search(admin, "Meyer"), "person")).not.toContain(ids.meyer);
  });

  it("uses the same folding for the list filter q=", async () => {
    const list = await ctx.request({ path: "/api/v1/people?q=mueller", as: admin });
    expect(list.body.data.map((person: { id: string }) => person.id)).toEqual([ids.mueller]);
  });
});
