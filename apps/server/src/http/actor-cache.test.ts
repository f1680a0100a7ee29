import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createActorCache } from "../auth/actor-cache.ts";
import { expectProblem } from "../test/factories.ts";
import { createTestContext, type TestContext, type TestResponse, type TestUser } from "../test/harness.ts";

// The membership behind a request is cached for a few seconds (decision 0012). A change made in
// this process applies to the next request; one made by another process within the cache time.

const OTHER_PROCESS_TTL_MS = 300;

let ctx: TestContext;
let admin: TestUser;
/** A second app on the same database: another Kontor process with its own caches. */
let other: { app: FastifyInstance; baseUrl: string };

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "cache" });
  const { app } = await buildApp({
    config: {
      baseUrl: "http://127.0.0.1:3000",
      authSecret: "test-secret-test-secret-test-secret-1234",
      logLevel: "silent",
      trustProxy: false,
    },
    database: ctx.database,
    logger: false,
    serveWebApp: false,
    authCacheTtlMs: OTHER_PROCESS_TTL_MS,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  other = { app, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
});
afterAll(async () => {
  await other.app.close();
  await ctx.close();
});

async function viaOther(user: TestUser | { apiKey: string }, path: string, body?: unknown) {
  const response = await fetch(`${other.baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${user.apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() } as TestResponse;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cookieOf(response: TestResponse): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

describe("role changes and removals in this process", () => {
  it("apply to the very next request made with an API key", async () => {
    const member = await ctx.createUser({ role: "member", workspace: "cache" });
    const create = () =>
      ctx.request({ method: "POST", path: "/api/v1/people", as: member, body: { lastName: "Rolle" } });
    expect((await create()).status).toBe(201);

    const demoted = await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${member.userId}`,
      as: admin,
      body: { role: "readonly" },
    });
    expect(demoted.status).toBe(200);
    expectProblem(await create(), 403, "forbidden");

    await ctx.request({ method: "DELETE", path: `/api/v1/members/${member.userId}`, as: admin });
    expectProblem(await ctx.request({ path: "/api/v1/people", as: member }), 401, "unauthenticated");
  });

  it("apply to the very next request made with a session", async () => {
    const member = await ctx.createUser({ role: "member", workspace: "cache" });
    const signIn = await ctx.request({
      method: "POST",
      path: "/api/auth/sign-in/email",
      body: { email: member.email, password: member.password },
    });
    const headers = { cookie: cookieOf(signIn), "x-workspace-id": member.workspaceId };
    const create = () =>
      ctx.request({ method: "POST", path: "/api/v1/people", headers, body: { lastName: "Sitzung" } });
    expect((await create()).status).toBe(201);

    await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${member.userId}`,
      as: admin,
      body: { role: "readonly" },
    });
    expectProblem(await create(), 403, "forbidden");

    await ctx.request({ method: "DELETE", path: `/api/v1/members/${member.userId}`, as: admin });
    expectProblem(await ctx.request({ path: "/api/v1/people", headers }), 404, "workspace_not_found");
  });

  it("a revoked API key is refused at once", async () => {
    const member = await ctx.createUser({ role: "member", workspace: "cache" });
    expect((await ctx.request({ path: "/api/v1/people", as: member })).status).toBe(200);
    const keys = await ctx.request({ path: "/api/v1/api-keys", as: member });
    for (const key of keys.body.data as { id: string }[]) {
      await ctx.request({ method: "DELETE", path: `/api/v1/api-keys/${key.id}`, as: member });
    }
    expectProblem(await ctx.request({ path: "/api/v1/people", as: member }), 401, "unauthenticated");
  });
});

describe("role changes and revocations made by another process", () => {
  it("take effect there within the cache time", async () => {
    const member = await ctx.createUser({ role: "member", workspace: "cache" });
    expect((await viaOther(member, "/api/v1/people", { lastName: "Anderswo" })).status).toBe(201);

    await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${member.userId}`,
      as: admin,
      body: { role: "readonly" },
    });
    await sleep(OTHER_PROCESS_TTL_MS + 100);
    expectProblem(await viaOther(member, "/api/v1/people", { lastName: "Anderswo" }), 403, "forbidden");
    expect((await viaOther(member, "/api/v1/people")).status).toBe(200);

    await ctx.request({ method: "DELETE", path: `/api/v1/members/${member.userId}`, as: admin });
    await sleep(OTHER_PROCESS_TTL_MS + 100);
    expectProblem(await viaOther(member, "/api/v1/people"), 401, "unauthenticated");
  });

  it("a key revoked elsewhere stops working there within the cache time", async () => {
    const member = await ctx.createUser({ role: "member", workspace: "cache" });
    expect((await viaOther(member, "/api/v1/people")).status).toBe(200);
    const keys = await ctx.request({ path: "/api/v1/api-keys", as: member });
    for (const key of keys.body.data as { id: string }[]) {
      await ctx.request({ method: "DELETE", path: `/api/v1/api-keys/${key.id}`, as: member });
    }
    await sleep(OTHER_PROCESS_TTL_MS + 100);
    expectProblem(await viaOther(member, "/api/v1/people"), 401, "unauthenticated");
  });
});

describe("the actor cache", () => {
  it("forgets entries after its time and on request, and stays bounded", () => {
    let now = 1_000;
    const cache = createActorCache({ ttlMs: 100, now: () => now });
    const member = {
      workspaceId: "w",
      user: { id: "u", email: "u@x.de", name: "U" },
      role: "member" as const,
    };
    cache.set("u", "w", member);
    cache.set("u", undefined, member);
    expect(cache.get("u", "w")).toEqual(member);
    now += 101;
    expect(cache.get("u", "w")).toBeUndefined();
    cache.set("u", "w", member);
    cache.forgetUser("u");
    expect(cache.get("u", "w")).toBeUndefined();
    expect(cache.get("u", undefined)).toBeUndefined();
    for (let index = 0; index < 10_050; index++) cache.set(`user-${index}`, "w", member);
    expect(cache.get("user-0", "w")).toBeUndefined();
    expect(cache.get("user-10049", "w")).toEqual(member);
  });
});
