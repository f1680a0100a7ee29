import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// The typo search corrects towards the workspace's known name words (search_words, decision
// 0020), kept by triggers in the same statement as every write to people and companies.
let ctx: TestContext;
let admin: TestUser;
let other: TestUser;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
  other = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

async function words(user: TestUser): Promise<string[]> {
  const result = await ctx.database.raw.query<{ word: string }>(
    "SELECT word FROM search_words WHERE workspace_id = $1 ORDER BY word",
    [user.workspaceId],
  );
  return result.rows.map((row) => row.word);
}

async function create(user: TestUser, path: string, body: unknown): Promise<string> {
  const response = await ctx.request({ method: "POST", path, as: user, body });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function typoHits(user: TestUser, q: string): Promise<string[]> {
  const response = await ctx.request({ path: `/api/v1/search?q=${encodeURIComponent(q)}`, as: user });
  expect(response.status).toBe(200);
  return response.body.groups.flatMap((group: { hits: { id: string }[] }) => group.hits.map((hit) => hit.id));
}

describe("search words", () => {
  it("learns the name words of new people and companies, not their emails, domains or numbers", async () => {
    await create(admin, "/api/v1/people", {
      firstName: "Jürgen",
      lastName: "Weißgerber",
      email: "j.weissgerber@example.de",
    });
    await create(admin, "/api/v1/companies", { name: "Gärtnerei Blumenthal 24", domain: "blumenthal.de" });
    expect(await words(admin)).toEqual(["blumenthal", "gartnerei", "jurgen", "weissgerber"]);
  });

  it("finds a typo through a known word, and never through another workspace's words", async () => {
    const id = await create(admin, "/api/v1/people", { firstName: "Theodor", lastName: "Quastenberg" });
    expect(await typoHits(admin, "Quastenbreg")).toContain(id);
    await create(other, "/api/v1/people", { lastName: "Zwirnmeister" });
    expect(await words(admin)).not.toContain("zwirnmeister");
    expect(await typoHits(admin, "Zwirnmiester")).toEqual([]);
  });

  it("follows a rename: the new name is found by a typo, the old word is forgotten", async () => {
    const id = await create(admin, "/api/v1/people", { firstName: "Ida", lastName: "Pfefferkorn" });
    const renamed = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${id}`,
      as: admin,
      body: { lastName: "Sandkorbmacher" },
    });
    expect(renamed.status).toBe(200);
    expect(await words(admin)).not.toContain("pfefferkorn");
    expect(await words(admin)).toContain("sandkorbmacher");
    expect(await typoHits(admin, "Sandkrobmacher")).toContain(id);
  });

  it("keeps a word while a record still has it, and forgets it when the last one is purged", async () => {
    const first = await create(admin, "/api/v1/people", { lastName: "Hagebuttner" });
    const second = await create(admin, "/api/v1/companies", { name: "Hagebuttner KG" });
    for (const [path, id] of [
      ["people", first],
      ["companies", second],
    ] as const) {
      const removed = await ctx.request({ method: "DELETE", path: `/api/v1/${path}/${id}`, as: admin });
      expect(removed.status).toBe(204);
    }
    // In the trash the records can come back, so their words stay.
    expect(await words(admin)).toContain("hagebuttner");
    await ctx.services.trash.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    expect(await words(admin)).not.toContain("hagebuttner");
    expect(await words(admin)).toContain("sandkorbmacher");
  });
});

describe("double names", () => {
  it("finds each part of a double name, as typed and with a typo", async () => {
    const id = await create(admin, "/api/v1/people", { firstName: "Karla", lastName: "Boxhammer-Dengler" });
    expect(await words(admin)).toEqual(expect.arrayContaining(["boxhammer", "dengler"]));
    expect(await typoHits(admin, "Dengler")).toContain(id);
    expect(await typoHits(admin, "Denglr")).toContain(id);
  });
});

describe("typo ranking", () => {
  it("ranks a record matched through a closer known word first", async () => {
    const far = await create(admin, "/api/v1/people", { firstName: "Sonja", lastName: "Birkemeyer-Spinner" });
    const close = await create(admin, "/api/v1/people", { firstName: "Vera", lastName: "Spelmeyer" });
    const hits = await typoHits(admin, "Spemeyer");
    expect(hits).toContain(far);
    expect(hits.indexOf(close)).toBe(0);
  });
});
