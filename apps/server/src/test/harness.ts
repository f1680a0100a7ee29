import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Role } from "@kontor/contracts";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp, type Services } from "../app.ts";
import { createDatabase, type DatabaseHandle } from "../db/client.ts";
import { applyMigrations } from "../db/migrate.ts";
import type { FileStorage } from "../lib/file-storage.ts";
import { createMemoryMailer, type Mailer } from "../lib/mailer.ts";

/**
 * Test databases: PGlite in memory by default; with KONTOR_TEST_DATABASE_URL (a PostgreSQL
 * server URL), a fresh database per test file, dropped at the end.
 */
export async function createTestDatabase(): Promise<{
  database: DatabaseHandle;
  url?: string;
  drop(): Promise<void>;
}> {
  const serverUrl = process.env.KONTOR_TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = process.env.KONTOR_TEST_PGLITE_TEMPLATE;
    const loadDataDir = template && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
    const database = await createDatabase({ loadDataDir });
    await applyMigrations(database);
    return { database, drop: () => database.close() };
  }
  const name = `kontor_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await applyMigrations(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestUser {
  userId: string;
  workspaceId: string;
  email: string;
  password: string;
  apiKey: string;
  role: Role;
}

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  /** PostgreSQL only: the test database's URL, for a second connection pool (another process). */
  databaseUrl: string | undefined;
  baseUrl: string;
  mailer: ReturnType<typeof createMemoryMailer>;
  /** Creates a user with a role in a workspace (created when new) and an API key for it. */
  createUser(options?: { role?: Role; workspace?: string; email?: string }): Promise<TestUser>;
  /** A real HTTP request against the listening app; JSON in and out. */
  request(options: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface RequestOptions {
  method?: string;
  path: string;
  as?: TestUser | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  body: any;
}

/** Starts the whole app on a fresh database and a random loopback port. */
export async function createTestContext(
  options: { mailer?: Mailer; files?: FileStorage } = {},
): Promise<TestContext> {
  const { database, drop, url: databaseUrl } = await createTestDatabase();
  const memoryMailer = createMemoryMailer();
  const mailer = options.mailer ?? memoryMailer;
  const placeholder = "http://127.0.0.1:3000";
  const { app, services } = await buildApp({
    config: {
      baseUrl: placeholder,
      authSecret: "test-secret-test-secret-test-secret-1234",
      logLevel: "silent",
      trustProxy: false,
    },
    database,
    mailer,
    ...(options.files ? { files: options.files } : {}),
    logger: false,
    serveWebApp: false,
    validateResponses: true,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  return {
    app,
    services,
    database,
    databaseUrl,
    baseUrl,
    mailer: memoryMailer,
    async createUser(options = {}) {
      const email = options.email ?? `user-${randomUUID().slice(0, 8)}@example.de`;
      const password = "a-good-password-1";
      const role = options.role ?? "admin";
      const created = await services.workspaces.createUser({
        email,
        password,
        name: email.split("@")[0]!,
        role,
        workspaceName: options.workspace ?? `ws-${randomUUID().slice(0, 8)}`,
      });
      const key = await services.apiKeys.create({
        userId: created.userId,
        workspaceId: created.workspaceId,
        name: "test",
      });
      return {
        userId: created.userId,
        workspaceId: created.workspaceId,
        email,
        password,
        apiKey: key.key,
        role,
      };
    },
    async request({ method = "GET", path, as, body, headers = {} }) {
      const finalHeaders: Record<string, string> = { ...headers };
      if (as) finalHeaders.authorization = `Bearer ${as.apiKey}`;
      if (body !== undefined) finalHeaders["content-type"] = "application/json";
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: finalHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
