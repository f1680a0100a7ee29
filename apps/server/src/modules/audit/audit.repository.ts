import { and, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Executor } from "../../db/client.ts";
import { auditLog, domainEvents, user } from "../../db/schema/index.ts";
import type { Changes } from "../../lib/changes.ts";

export interface RecordChange {
  workspaceId: string;
  actorId: string | null;
  recordType: string;
  recordId: string;
  action: "create" | "update" | "delete" | "restore" | "purge" | "merge";
  changes: Changes;
}

/**
 * Writes the audit entry and the domain event of one change. Call it inside the transaction
 * that makes the change, so all three commit or roll back together.
 */
export async function recordChange(tx: Executor, change: RecordChange): Promise<void> {
  await recordChanges(tx, [change]);
}

/**
 * `recordChange` for many changes at once (a purge, a group of creates): one statement writes
 * every audit entry and every domain event — a single round trip however many there are.
 */
export async function recordChanges(tx: Executor, changes: RecordChange[]): Promise<void> {
  if (!changes.length) return;
  await tx.execute(sql`WITH ${changesCtes(changes)} SELECT count(*) FROM change`);
}

/**
 * The common table expressions that write the audit entries and domain events of `changes`:
 * `change AS (…), audit AS (INSERT …), event AS (INSERT …)`, to put after WITH — inside a larger
 * statement (a create writes its rows and their changes in one statement) or alone
 * (`recordChanges`). One parameter, the changes as a JSON array: binding seven values per change
 * made building the statement cost more than running it for a batch of creates.
 */
export function changesCtes(changes: RecordChange[]): SQL {
  const rows = JSON.stringify(
    changes.map((change) => ({
      audit_id: uuidv7(),
      event_id: uuidv7(),
      workspace_id: change.workspaceId,
      record_type: change.recordType,
      record_id: change.recordId,
      action: change.action,
      type: `${change.recordType}.${change.action}d`,
      actor_id: change.actorId,
      changes: change.changes,
    })),
  );
  return sql`change AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS c(
        audit_id uuid, event_id uuid, workspace_id uuid, record_type text, record_id uuid,
        action text, type text, actor_id uuid, changes jsonb)
    ), audit AS (
      INSERT INTO ${auditLog} (id, workspace_id, record_type, record_id, action, actor_id, changes)
      SELECT audit_id, workspace_id, record_type, record_id, action, actor_id, changes FROM change
    ), event AS (
      INSERT INTO ${domainEvents} (id, workspace_id, type, record_type, record_id, actor_id, payload)
      SELECT event_id, workspace_id, type, record_type, record_id, actor_id, jsonb_build_object('changes', changes)
        FROM change
    )`;
}

export async function listAuditEntries(
  db: Executor,
  options: { workspaceId: string; recordId: string; limit: number; beforeId?: string | undefined },
) {
  const conditions = [eq(auditLog.workspaceId, options.workspaceId), eq(auditLog.recordId, options.recordId)];
  if (options.beforeId) conditions.push(lt(auditLog.id, options.beforeId));
  return db
    .select({ entry: auditLog, actorName: user.name })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(options.limit + 1);
}
