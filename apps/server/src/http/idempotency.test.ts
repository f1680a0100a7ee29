import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, expectProblem } from "../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let colleague: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "idem" });
  colleague = await ctx.createUser({ role: "member", workspace: "idem" });
});
afterAll(() => ctx.close());

function post(user: TestUser, path: string, body: unknown, key: string) {
  return ctx.request({ method: "POST", path, as: user, body, headers: { "idempotency-key": key } });
}

describe("Idempotency-Key on POST", () => {
  it("returns the first result for a repeat with the same key and body, creating one record", async () => {
    const key = randomUUID();
    const body = { firstName: "Once", lastName: "Only" };
    const before = await countRows(ctx, "people", admin.workspaceId);
    const first = await post(admin, "/api/v1/people", body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const second = await post(admin, "/api/v1/people", body, key);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("content-type")).toContain("application/json");
    expect(second.body).toEqual(first.body);
    const third = await post(admin, "/api/v1/people", body, key);
    expect(third.body.id).toBe(first.body.id);

    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before + 1);
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${first.body.id}`, as: admin });
    expect(audit.body.data).toHaveLength(1);
  });

  it("refuses the same key with another body with 422 and writes nothing", async () => {
    const key = randomUUID();
    const first = await post(admin, "/api/v1/people", { lastName: "Original" }, key);
    expect(first.status).toBe(201);
    const before = await countRows(ctx, "people", admin.workspaceId);
    const other = await post(admin, "/api/v1/people", { lastName: "Different" }, key);
    expectProblem(other, 422, "idempotency_key_reused");
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
  });

  it("keeps keys apart per user", async () => {
    const key = randomUUID();
    const body = { lastName: "Shared key" };
    const mine = await post(admin, "/api/v1/people", body, key);
    const theirs = await post(colleague, "/api/v1/people", body, key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.createdBy).toBe(colleague.userId);
  });

  it("creates one record when two requests with the same key arrive together", async () => {
    const key = randomUUID();
    const body = { lastName: "Concurrent" };
    const before = await countRows(ctx, "people", admin.workspaceId);
    const responses = await Promise.all([1, 2, 3].map(() => post(admin, "/api/v1/people", body, key)));
    for (const response of responses) {
      if (response.status === 201) continue;
      expectProblem(response, 409, "idempotency_key_in_use");
    }
    const ids = new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before + 1);
  });

  it("replays a refused request as the same problem", async () => {
    const key = randomUUID();
    // valid for the schema, refused by the service (after the key is taken)
    const body = { lastName: "Bad phone", phone: "12345" };
    const first = await post(admin, "/api/v1/people", body, key);
    expectProblem(first, 400, "validation_failed");
    const again = await post(admin, "/api/v1/people", body, key);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expectProblem(again, 400, "validation_failed");
    expect(again.body).toEqual(first.body);
  });

  it("does not store anything for requests without the header, or for other methods", async () => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    const a = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "No key" },
    });
    const b = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "No key" },
    });
    expect(a.body.id).not.toBe(b.body.id);
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before + 2);

    const key = randomUUID();
    const patched = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${a.body.id}`,
      as: admin,
      headers: { "idempotency-key": key },
      body: { firstName: "One" },
    });
    const patchedAgain = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${a.body.id}`,
      as: admin,
      headers: { "idempotency-key": key },
      body: { firstName: "Two" },
    });
    expect([patched.body.version, patchedAgain.body.version]).toEqual([2, 3]);
    const { rows } = await ctx.database.raw.query("select * from idempotency_keys where key = $1", [key]);
    expect(rows).toEqual([]);
  });

  it("refuses a key longer than 200 characters", async () => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    const response = await post(admin, "/api/v1/people", { lastName: "Long key" }, "k".repeat(201));
    expect(expectProblem(response, 400, "validation_failed")).toEqual(["headers.idempotency-key"]);
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
  });
});
