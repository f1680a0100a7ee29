import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "../db/client.ts";
import { applyMigrations } from "../db/migrate.ts";

/**
 * Migrates one PGlite database per test run and leaves its dump for the test files, which load
 * it instead of migrating again (see createTestDatabase). Nothing to do on PostgreSQL.
 */
export default async function setup() {
  if (process.env.KONTOR_TEST_DATABASE_URL) return;
  const database = await createDatabase({});
  await applyMigrations(database);
  const dump = await database.dump!();
  await database.close();
  const file = path.join(tmpdir(), `kontor-test-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.KONTOR_TEST_PGLITE_TEMPLATE = file;
  return () => rmSync(file, { force: true });
}
