import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client.ts";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

const MIGRATION_LOCK_KEY = 0x6b6f6e74; // "kont"

/** How many migrations the database has recorded (0 for a new database). */
async function appliedMigrations(handle: DatabaseHandle): Promise<number> {
  try {
    const { rows } = await handle.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations",
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Applies every committed migration that the database has not seen yet (idempotent). After an
 * upgrade it refreshes the planner's statistics: a column added by a migration has none, and
 * until autovacuum gets to it the planner guesses (a new `deleted_at IS NULL` turned the 360°
 * timeline from an index lookup of 50 links into a scan of every activity).
 */
export async function applyMigrations(handle: DatabaseHandle): Promise<void> {
  const before = await appliedMigrations(handle);
  if (handle.kind === "pglite") await migratePglite(handle.db as never, { migrationsFolder });
  else {
    await handle.withLock(MIGRATION_LOCK_KEY, () => migrateNodePg(handle.db as never, { migrationsFolder }));
  }
  if (before > 0 && (await appliedMigrations(handle)) > before) await handle.raw.exec("ANALYZE");
}
