import { and, desc, eq, lt, sql } from "drizzle-orm";
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
  const rows = changes.map((change) => ({ change, json: JSON.stringify(change.changes) }));
  const auditValues = sql.join(
    rows.map(
      ({ change, json }) =>
        sql`(${uuidv7()}, ${change.workspaceId}, ${change.recordType}, ${change.recordId}, ${change.action}, ${change.actorId}, ${json}::jsonb)`,
    ),
    sql`, `,
  );
  const eventValues = sql.join(
    rows.map(
      ({ change, json }) =>
        sql`(${uuidv7()}, ${change.workspaceId}, ${`${change.recordType}.${change.action}d`}, ${change.recordType}, ${change.recordId},
            ${change.actorId}, jsonb_build_object('changes', ${json}::jsonb))`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    WITH audit AS (
      INSERT INTO ${auditLog} (id, workspace_id, record_type, record_id, action, actor_id, changes)
      VALUES ${auditValues}
    )
    INSERT INTO ${domainEvents} (id, workspace_id, type, record_type, record_id, actor_id, payload)
    VALUES ${eventValues}`);
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
