import { parseArgs } from "node:util";
import { buildApp } from "../../apps/server/src/app.ts";
import { loadConfig } from "../../apps/server/src/config/config.ts";
import { createDatabase } from "../../apps/server/src/db/client.ts";
import { lockDataDir } from "../../apps/server/src/db/lock.ts";
import { applyMigrations } from "../../apps/server/src/db/migrate.ts";

export const BENCH_WORKSPACE = "Bench";
export const BENCH_EMAIL = "bench@kontor.local";
export const BENCH_PASSWORD = "bench-password-1";

export function numberFlag(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const parsed = Number(String(raw).replaceAll("_", ""));
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number`);
  return parsed;
}

export function flags(options: Record<string, { type: "string" | "boolean" }>) {
  return parseArgs({ args: process.argv.slice(2), options, strict: true }).values as Record<
    string,
    string | boolean | undefined
  >;
}

/**
 * Opens the configured database (DATABASE_URL, else the embedded one in KONTOR_DATA_DIR, which
 * must not be in use) with migrations applied, and the app built on it.
 */
export async function openBenchContext() {
  const config = loadConfig();
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 20,
  });
  await applyMigrations(database);
  const { app, services } = await buildApp({
    config: { ...config, logLevel: "silent" },
    database,
    logger: false,
    serveWebApp: false,
  });
  return {
    config,
    database,
    app,
    services,
    engine: database.kind,
    async close() {
      await app.close();
      await database.close();
      lock?.release();
    },
  };
}

/** The benchmark workspace and its admin, created when missing. */
export async function ensureBenchWorkspace(
  services: Awaited<ReturnType<typeof openBenchContext>>["services"],
) {
  let workspace = await services.workspaces.findWorkspaceByName(BENCH_WORKSPACE);
  let user = await services.workspaces.findUserByEmail(BENCH_EMAIL);
  if (!workspace || !user || !(await services.workspaces.findMembership(workspace.id, user.id))) {
    await services.workspaces.createUser({
      email: BENCH_EMAIL,
      password: BENCH_PASSWORD,
      name: "Bench",
      role: "admin",
      workspaceName: BENCH_WORKSPACE,
    });
    workspace = await services.workspaces.findWorkspaceByName(BENCH_WORKSPACE);
    user = await services.workspaces.findUserByEmail(BENCH_EMAIL);
  }
  return { workspaceId: workspace!.id, userId: user!.id };
}
