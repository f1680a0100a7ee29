import type { TrashRecordType } from "@kontor/contracts";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

/** The table of every kind of record that goes to the trash (columns deleted_at, deleted_by). */
export const TRASH_TABLES = {
  person: "people",
  company: "companies",
  activity: "activities",
  task: "tasks",
  appointment: "appointments",
  project: "projects",
  document: "documents",
  comment: "comments",
} as const satisfies Record<TrashRecordType, string>;

interface RecordKey {
  recordType: TrashRecordType;
  workspaceId: string;
  id: string;
}

const tableOf = (recordType: TrashRecordType) => sql.identifier(TRASH_TABLES[recordType]);

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Moves a live record to the trash; returns when, or undefined when there is no such live record. */
export async function markDeleted(
  db: Executor,
  options: RecordKey & { deletedBy: string | null },
): Promise<Date | undefined> {
  const at = new Date();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`UPDATE ${tableOf(options.recordType)}
      SET deleted_at = ${at.toISOString()}::timestamptz, deleted_by = ${options.deletedBy}::uuid,
          updated_at = ${at.toISOString()}::timestamptz, version = version + 1
      WHERE workspace_id = ${options.workspaceId}::uuid AND id = ${options.id}::uuid AND deleted_at IS NULL
      RETURNING id`),
  );
  return rows.length ? at : undefined;
}

/**
 * Whether a record exists in the workspace and when it was deleted (null: not in the trash);
 * undefined when there is no such record. Locks the row for the restore that follows.
 */
export async function findTrashState(
  db: Executor,
  options: RecordKey,
): Promise<{ deletedAt: string | null } | undefined> {
  const [row] = rowsOf<{ deleted_at: string | null }>(
    await db.execute(sql`SELECT to_char(deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS deleted_at
      FROM ${tableOf(options.recordType)}
      WHERE workspace_id = ${options.workspaceId}::uuid AND id = ${options.id}::uuid
      FOR UPDATE`),
  );
  return row ? { deletedAt: row.deleted_at } : undefined;
}

/** Takes a record out of the trash; false when it was not in the trash. */
export async function unmarkDeleted(db: Executor, options: RecordKey): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`UPDATE ${tableOf(options.recordType)}
      SET deleted_at = NULL, deleted_by = NULL, updated_at = now(), version = version + 1
      WHERE workspace_id = ${options.workspaceId}::uuid AND id = ${options.id}::uuid AND deleted_at IS NOT NULL
      RETURNING id`),
  );
  return rows.length > 0;
}
