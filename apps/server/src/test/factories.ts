import { randomUUID } from "node:crypto";
import type { TCompany, TCustomField, TPerson } from "@kontor/contracts";
import { expect } from "vitest";
import type { TestContext, TestResponse, TestUser } from "./harness.ts";

/** Small builders that create records through the public HTTP API, as a client would. */

let sequence = 0;
/** A short unique suffix so builders never collide inside one test file. */
export function unique(prefix = "x"): string {
  sequence += 1;
  return `${prefix}${sequence}-${randomUUID().slice(0, 6)}`;
}

async function created<T>(response: TestResponse, what: string): Promise<T> {
  if (response.status !== 201) {
    throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

/** POST /api/v1/people with a last name unless overridden. */
export async function buildPerson(
  ctx: TestContext,
  user: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<TPerson> {
  const response = await ctx.request({
    method: "POST",
    path: "/api/v1/people",
    as: user,
    body: { lastName: unique("Person-"), ...overrides },
  });
  return created<TPerson>(response, "buildPerson");
}

/** POST /api/v1/companies with a unique name unless overridden. */
export async function buildCompany(
  ctx: TestContext,
  user: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<TCompany> {
  const response = await ctx.request({
    method: "POST",
    path: "/api/v1/companies",
    as: user,
    body: { name: unique("Company-"), ...overrides },
  });
  return created<TCompany>(response, "buildCompany");
}

/** POST /api/v1/custom-fields (needs an admin or manager). */
export async function buildCustomField(
  ctx: TestContext,
  user: TestUser,
  definition: { object: "person" | "company"; key: string; type: string } & Record<string, unknown>,
): Promise<TCustomField> {
  const response = await ctx.request({
    method: "POST",
    path: "/api/v1/custom-fields",
    as: user,
    body: { label: definition.key, ...definition },
  });
  return created<TCustomField>(response, "buildCustomField");
}

/** Asserts an RFC 9457 problem response with the given status and code; returns its field error paths. */
export function expectProblem(response: TestResponse, status: number, code: string): string[] {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(response.body).toMatchObject({ status, code });
  expect(typeof response.body.type).toBe("string");
  expect(typeof response.body.title).toBe("string");
  return (response.body.errors ?? []).map((error: { path: string }) => error.path);
}

type CountedTable =
  | "people"
  | "companies"
  | "relations"
  | "custom_field_definitions"
  | "audit_log"
  | "saved_views";

/** Counts rows of a table in one workspace straight from the database (deleted rows included). */
export async function countRows(ctx: TestContext, table: CountedTable, workspaceId: string): Promise<number> {
  const { rows } = await ctx.database.raw.query<{ n: string | number }>(
    `select count(*) as n from ${table} where workspace_id = $1`,
    [workspaceId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Builds a query string, encoding keys such as `filter[city][eq]` and their values. */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** Reads every page of a list endpoint; fails when a page repeats an id. */
export async function listAll<T extends { id: string }>(
  ctx: TestContext,
  user: TestUser,
  path: string,
  params: Record<string, string | number | undefined>,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor = params.cursor === undefined ? undefined : String(params.cursor);
  for (let page = 0; page < 1000; page++) {
    const response = await ctx.request({ path: `${path}${query({ ...params, cursor })}`, as: user });
    if (response.status !== 200) throw new Error(`list failed: ${JSON.stringify(response.body)}`);
    rows.push(...(response.body.data as T[]));
    cursor = response.body.nextCursor ?? undefined;
    if (!cursor) return rows;
  }
  throw new Error("listAll: more than 1000 pages");
}

/**
 * A fresh workspace for an existing user, with a new API key bound to it. Much cheaper than a
 * new user (no password hashing); use it when a test only needs an empty workspace.
 */
export function buildWorkspace(
  ctx: TestContext,
  user: TestUser,
  role: "admin" | "manager" | "member" | "readonly" = "admin",
): Promise<TestUser> {
  return ctx.createUser({ email: user.email, role, workspace: unique("ws-") });
}
