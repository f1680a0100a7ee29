import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let manager: TestUser;
let alice: TestUser;
let bob: TestUser;
let readonly: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "views" });
  manager = await ctx.createUser({ role: "manager", workspace: "views" });
  alice = await ctx.createUser({ role: "member", workspace: "views" });
  bob = await ctx.createUser({ role: "member", workspace: "views" });
  readonly = await ctx.createUser({ role: "readonly", workspace: "views" });
});
afterAll(() => ctx.close());

async function createView(user: TestUser, body: Record<string, unknown>) {
  return ctx.request({ method: "POST", path: "/api/v1/saved-views", as: user, body });
}

async function viewNames(user: TestUser, object?: string) {
  const response = await ctx.request({
    path: `/api/v1/saved-views${object ? `?object=${object}` : ""}`,
    as: user,
  });
  expect(response.status).toBe(200);
  return response.body.data.map((view: { name: string }) => view.name);
}

describe("saved views", () => {
  it("keeps private views to their owner and shows shared views to everyone", async () => {
    const mine = await createView(alice, {
      object: "person",
      name: "Alice: Berlin",
      filters: [{ field: "city", op: "eq", value: "Berlin" }],
      columns: ["lastName", "email"],
      sort: "-createdAt",
    });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      visibility: "private",
      ownerId: alice.userId,
      filters: [{ field: "city", op: "eq", value: "Berlin" }],
      columns: ["lastName", "email"],
      sort: "-createdAt",
    });
    const shared = await createView(alice, {
      object: "company",
      name: "Alice: customers",
      visibility: "shared",
    });
    expect(shared.status).toBe(201);

    expect(await viewNames(alice)).toEqual(["Alice: Berlin", "Alice: customers"]);
    expect(await viewNames(bob)).toEqual(["Alice: customers"]);
    expect(await viewNames(alice, "person")).toEqual(["Alice: Berlin"]);

    // another member cannot see, change or delete a private view: it does not exist for them
    const patch = await ctx.request({
      method: "PATCH",
      path: `/api/v1/saved-views/${mine.body.id}`,
      as: bob,
      body: { name: "Taken" },
    });
    expectProblem(patch, 404, "not_found");
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/saved-views/${mine.body.id}`, as: admin }),
      404,
      "not_found",
    );
  });

  it("lets only the owner, a manager or an admin change a shared view", async () => {
    const shared = await createView(alice, { object: "person", name: "Team view", visibility: "shared" });
    const byBob = await ctx.request({
      method: "PATCH",
      path: `/api/v1/saved-views/${shared.body.id}`,
      as: bob,
      body: { name: "Bob's now" },
    });
    expectProblem(byBob, 403, "forbidden");
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/saved-views/${shared.body.id}`, as: bob }),
      403,
      "forbidden",
    );
    const byManager = await ctx.request({
      method: "PATCH",
      path: `/api/v1/saved-views/${shared.body.id}`,
      as: manager,
      body: { name: "Team view (curated)", filters: [{ field: "tags", op: "in", value: "vip,lead" }] },
    });
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ name: "Team view (curated)", ownerId: alice.userId });
    const byOwner = await ctx.request({
      method: "DELETE",
      path: `/api/v1/saved-views/${shared.body.id}`,
      as: alice,
    });
    expect(byOwner.status).toBe(204);
    expect(await viewNames(bob)).not.toContain("Team view (curated)");
  });

  it("lets readonly users keep private views but not share them", async () => {
    const before = await countRows(ctx, "saved_views", readonly.workspaceId);
    const shared = await createView(readonly, { object: "person", name: "RO shared", visibility: "shared" });
    expectProblem(shared, 403, "forbidden");
    expect(await countRows(ctx, "saved_views", readonly.workspaceId)).toBe(before);
    const own = await createView(readonly, { object: "person", name: "RO private" });
    expect(own.status).toBe(201);
    // nor share one afterwards
    const shareLater = await ctx.request({
      method: "PATCH",
      path: `/api/v1/saved-views/${own.body.id}`,
      as: readonly,
      body: { visibility: "shared" },
    });
    expectProblem(shareLater, 403, "forbidden");
    expect(await viewNames(alice)).not.toContain("RO private");
    const rename = await ctx.request({
      method: "PATCH",
      path: `/api/v1/saved-views/${own.body.id}`,
      as: readonly,
      body: { name: "RO private renamed" },
    });
    expect(rename.status).toBe(200);
  });

  it("refuses invalid views", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ object: "deal", name: "x" }, "object"],
      [{ object: "person", name: "" }, "name"],
      [{ object: "person", name: "n".repeat(101) }, "name"],
      [{ object: "person", name: "x", filters: [{ field: "city", op: "like", value: "B" }] }, "filters.0.op"],
      [{ object: "person", name: "x", visibility: "public" }, "visibility"],
      [{ object: "person", name: "x", owner: "me" }, "owner"],
    ];
    for (const [body, path] of cases) {
      const response = await createView(alice, body);
      expect(expectProblem(response, 400, "validation_failed"), JSON.stringify(body)).toContain(path);
    }
  });
});
