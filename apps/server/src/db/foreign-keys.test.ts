import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/harness.ts";

// Deleting a row makes PostgreSQL look up the rows that reference it, once per deleted row. Without
// an index led by the referencing column that is a scan of the whole referencing table each time:
// purging 1,000 people scanned 800,000 employments 1,000 times. Workspace deletion is exempt — one
// workspace means one scan per table.
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("foreign keys", () => {
  it("each one, but those to workspaces, has an index led by its column", async () => {
    const result = await database.database.raw.query<{ constraint: string }>(`
      SELECT c.conrelid::regclass::text || '.' || c.conname AS constraint
        FROM pg_constraint c
       WHERE c.contype = 'f'
         AND c.confrelid <> 'workspaces'::regclass
         AND c.connamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_index i
                          WHERE i.indrelid = c.conrelid AND (i.indkey::int2[])[0] = c.conkey[1])
       ORDER BY 1`);
    expect(result.rows.map((row) => row.constraint)).toEqual([]);
  });
});
