import type { TAuditEntry, TimelineKind } from "@kontor/contracts";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { auditLog, user } from "../../db/schema/index.ts";

export interface TimelineTarget {
  recordType: "person" | "company";
  recordId: string;
}

export interface TimelineKey {
  kind: TimelineKind;
  id: string;
  at: string;
}

/**
 * The records whose history a timeline shows: the record itself and, for a company, its
 * current people. `typeCol`/`idCol` name the (record_type, record_id) pair being matched.
 */
function targetCondition(workspaceId: string, target: TimelineTarget, typeCol: SQL, idCol: SQL): SQL {
  const self = sql`(${typeCol} = ${target.recordType} AND ${idCol} = ${target.recordId}::uuid)`;
  if (target.recordType === "person") return self;
  return sql`(${self} OR (${typeCol} = 'person' AND ${idCol} IN (
    SELECT p.id FROM people p WHERE p.workspace_id = ${workspaceId}::uuid AND p.company_id = ${target.recordId}::uuid)))`;
}

function linkedSource(workspaceId: string, target: TimelineTarget, sourceType: string, sourceId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM record_links l WHERE l.workspace_id = ${workspaceId}::uuid
    AND l.source_type = ${sourceType} AND l.source_id = ${sourceId}
    AND ${targetCondition(workspaceId, target, sql`l.record_type`, sql`l.record_id`)})`;
}

/**
 * One keyset page of the merged timeline, newest first: (at, id) descending over activities,
 * tasks, appointments, comments and audit entries. Ids are UUIDv7 and unique across the
 * tables, so (at, id) is a total order and pages never skip or repeat an item.
 */
export async function findTimelinePage(
  db: Executor,
  options: {
    workspaceId: string;
    target: TimelineTarget;
    kinds: TimelineKind[];
    limit: number;
    after?: { at: string; id: string } | undefined;
  },
): Promise<TimelineKey[]> {
  const { workspaceId, target } = options;
  const ws = sql`${workspaceId}::uuid`;
  const parts: Record<TimelineKind, SQL> = {
    activity: sql`SELECT 'activity' AS kind, a.id, a.occurred_at AS at FROM activities a
      WHERE a.workspace_id = ${ws} AND a.deleted_at IS NULL AND ${linkedSource(workspaceId, target, "activity", sql`a.id`)}`,
    task: sql`SELECT 'task' AS kind, t.id, t.created_at AS at FROM tasks t
      WHERE t.workspace_id = ${ws} AND t.deleted_at IS NULL AND ${linkedSource(workspaceId, target, "task", sql`t.id`)}`,
    appointment: sql`SELECT 'appointment' AS kind, ap.id, ap.starts_at AS at FROM appointments ap
      WHERE ap.workspace_id = ${ws} AND ap.deleted_at IS NULL AND ${linkedSource(workspaceId, target, "appointment", sql`ap.id`)}`,
    comment: sql`SELECT 'comment' AS kind, c.id, c.created_at AS at FROM comments c
      WHERE c.workspace_id = ${ws} AND c.deleted_at IS NULL AND ${targetCondition(workspaceId, target, sql`c.record_type`, sql`c.record_id`)}`,
    audit: sql`SELECT 'audit' AS kind, au.id, au.created_at AS at FROM audit_log au
      WHERE au.workspace_id = ${ws} AND ${targetCondition(workspaceId, target, sql`au.record_type`, sql`au.record_id`)}`,
  };
  const union = sql.join(
    options.kinds.map((kind) => sql`(${parts[kind]})`),
    sql` UNION ALL `,
  );
  const after = options.after
    ? sql`WHERE (t.at, t.id) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`SELECT t.kind, t.id,
      to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
    FROM (${union}) t ${after}
    ORDER BY t.at DESC, t.id DESC
    LIMIT ${options.limit + 1}`);
  return (result as unknown as { rows: TimelineKey[] }).rows;
}

/** Audit entries by id, shaped like `GET /audit-log` answers them. */
export async function findAuditEntriesByIds(
  db: Executor,
  workspaceId: string,
  ids: string[],
): Promise<TAuditEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ entry: auditLog, actorName: user.name })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(and(eq(auditLog.workspaceId, workspaceId), inArray(auditLog.id, ids)));
  return rows.map(({ entry, actorName }) => ({
    id: entry.id,
    recordType: entry.recordType,
    recordId: entry.recordId,
    action: entry.action as TAuditEntry["action"],
    actorId: entry.actorId,
    actorName,
    changes: entry.changes,
    createdAt: entry.createdAt.toISOString(),
  }));
}
