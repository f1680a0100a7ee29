import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client.ts";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

const MIGRATION_LOCK_KEY = 0x6b6f6e74; // "kont"

/** Applies every committed migration that the database has not seen yet (idempotent). */
export async function applyMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  await handle.withLock(MIGRATION_LOCK_KEY, () => migrateNodePg(handle.db as never, { migrationsFolder }));
}
