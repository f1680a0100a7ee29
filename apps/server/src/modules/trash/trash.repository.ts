import { TRASH_RECORD_TYPES, type TrashRecordType } from "@kontor/contracts";
import { and, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { companies, people, relations } from "../../db/schema/index.ts";
import { TRASH_TABLES } from "../records/soft-delete.ts";

export interface TrashRow {
  recordType: TrashRecordType;
  id: string;
  name: string;
  deletedAt: string;
  deletedBy: string | null;
}

/** A record removed for good by a purge. */
export interface PurgedRecord {
  workspaceId: string;
  recordType: string;
  id: string;
}

/** What the trash shows as a record's name. */
const NAME: Record<TrashRecordType, SQL> = {
  person: sql`coalesce(nullif(btrim(concat_ws(' ', first_name, last_name)), ''), nullif(email, ''), '—')`,
  company: sql`name`,
  activity: sql`subject`,
  task: sql`title`,
  appointment: sql`title`,
  project: sql`name`,
  document: sql`name`,
  comment: sql`left(body, 200)`,
};

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A PostgreSQL array literal of uuids or plain words, passed as one parameter. */
function arrayLiteral(values: string[]) {
  return `{${values.join(",")}}`;
}

/**
 * One page of the trash across every kind of record, newest first by (deleted_at, id): one
 * UNION ALL whose branches each read their table's trash index and stop after `limit` rows.
 */
export async function listTrash(
  db: Executor,
  options: {
    workspaceId: string;
    types?: TrashRecordType[] | undefined;
    limit: number;
    before?: { deletedAt: string; id: string } | undefined;
  },
): Promise<TrashRow[]> {
  const after = options.before
    ? sql`AND (deleted_at, id) < (${options.before.deletedAt}::timestamptz, ${options.before.id}::uuid)`
    : sql``;
  const branches = (options.types ?? TRASH_RECORD_TYPES).map(
    (type) => sql`(SELECT ${type}::text AS record_type, id, ${NAME[type]} AS name, deleted_at, deleted_by
      FROM ${sql.identifier(TRASH_TABLES[type])}
      WHERE workspace_id = ${options.workspaceId}::uuid AND deleted_at IS NOT NULL ${after}
      ORDER BY deleted_at DESC, id DESC LIMIT ${options.limit})`,
  );
  const rows = rowsOf<{
    record_type: TrashRecordType;
    id: string;
    name: string;
    deleted_at: string;
    deleted_by: string | null;
  }>(
    await db.execute(sql`SELECT t.record_type, t.id, t.name, ${iso(sql`t.deleted_at`)} AS deleted_at, t.deleted_by
      FROM (${sql.join(branches, sql` UNION ALL `)}) t
      ORDER BY t.deleted_at DESC, t.id DESC
      LIMIT ${options.limit}`),
  );
  return rows.map((row) => ({
    recordType: row.record_type,
    id: row.id,
    name: row.name,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
  }));
}

/**
 * Where a kind of record names the record it belongs to (its parent). Record links (an activity,
 * task or appointment linked to people and companies) are no parents: deleting a person leaves
 * what is linked to it in place, so such a record may come back on its own.
 */
const PARENT_OF: Partial<Record<TrashRecordType, SQL>> = {
  task: sql`'project'::text AS parent_type, project_id AS parent_id`,
  appointment: sql`'appointment'::text AS parent_type, series_id AS parent_id`,
  comment: sql`record_type AS parent_type, record_id AS parent_id`,
  document: sql`record_type AS parent_type, record_id AS parent_id`,
};

const isTrashRecordType = (value: string): value is TrashRecordType =>
  (TRASH_RECORD_TYPES as readonly string[]).includes(value);

/** The parent of a record when that parent is in the trash (with its trash name); else undefined. */
export async function findTrashedParent(
  db: Executor,
  options: { recordType: TrashRecordType; workspaceId: string; id: string },
): Promise<{ recordType: TrashRecordType; id: string; name: string } | undefined> {
  const parentOf = PARENT_OF[options.recordType];
  if (!parentOf) return undefined;
  const [reference] = rowsOf<{ parent_type: string | null; parent_id: string | null }>(
    await db.execute(sql`SELECT ${parentOf} FROM ${sql.identifier(TRASH_TABLES[options.recordType])}
      WHERE workspace_id = ${options.workspaceId}::uuid AND id = ${options.id}::uuid`),
  );
  const parentType = reference?.parent_type;
  if (!parentType || !reference.parent_id || !isTrashRecordType(parentType)) return undefined;
  const [parent] = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT ${NAME[parentType]} AS name FROM ${sql.identifier(TRASH_TABLES[parentType])}
      WHERE workspace_id = ${options.workspaceId}::uuid AND id = ${reference.parent_id}::uuid
        AND deleted_at IS NOT NULL`),
  );
  return parent ? { recordType: parentType, id: reference.parent_id, name: parent.name } : undefined;
}

/** The ids of purged records as a table k(workspace_id, record_type, id) to join against. */
function keysOf(records: PurgedRecord[]) {
  return sql`unnest(${arrayLiteral(records.map((r) => r.workspaceId))}::uuid[],
    ${arrayLiteral(records.map((r) => r.recordType))}::text[],
    ${arrayLiteral(records.map((r) => r.id))}::uuid[]) AS k(workspace_id, record_type, id)`;
}

function purgedOf(recordType: string, rows: { id: string; workspace_id: string }[]): PurgedRecord[] {
  return rows.map((row) => ({ workspaceId: row.workspace_id, recordType, id: row.id }));
}

/**
 * Deletes for good the documents matching `where` (on `d`, and `k` when `keys` is given) with
 * their versions; returns them and the storage keys of their files, to delete after the commit.
 */
async function deleteDocumentsWhere(db: Executor, where: SQL, keys?: SQL) {
  const versions = rowsOf<{ storage_key: string }>(
    await db.execute(sql`DELETE FROM document_versions v USING documents d${keys ? sql`, ${keys}` : sql``}
      WHERE v.document_id = d.id AND ${where} RETURNING v.storage_key`),
  );
  const documents = rowsOf<{ id: string; workspace_id: string }>(
    await db.execute(sql`DELETE FROM documents d${keys ? sql` USING ${keys}` : sql``}
      WHERE ${where} RETURNING d.id, d.workspace_id`),
  );
  return { purged: purgedOf("document", documents), storageKeys: versions.map((row) => row.storage_key) };
}

/**
 * Deletes for good the rows of one kind that went to the trash before `cutoff` (people and
 * companies excepted: their purge keeps its own statements in the trash service).
 */
export async function deleteExpired(
  db: Executor,
  recordType: Exclude<TrashRecordType, "person" | "company">,
  cutoff: Date,
): Promise<{ purged: PurgedRecord[]; storageKeys: string[] }> {
  const expired = sql`d.deleted_at IS NOT NULL AND d.deleted_at < ${cutoff.toISOString()}::timestamptz`;
  if (recordType === "document") return deleteDocumentsWhere(db, expired);
  const rows = rowsOf<{ id: string; workspace_id: string }>(
    await db.execute(sql`DELETE FROM ${sql.identifier(TRASH_TABLES[recordType])} d
      WHERE ${expired} RETURNING d.id, d.workspace_id`),
  );
  return { purged: purgedOf(recordType, rows), storageKeys: [] };
}

/**
 * People and companies in the trash before `cutoff`, with their relations (no foreign key on
 * either side); employments go by their foreign key.
 */
export async function deleteExpiredPeopleAndCompanies(tx: Executor, cutoff: Date) {
  const purgedPeople = await tx
    .delete(people)
    .where(and(isNotNull(people.deletedAt), lt(people.deletedAt, cutoff)))
    .returning({ id: people.id, workspaceId: people.workspaceId });
  const purgedCompanies = await tx
    .delete(companies)
    .where(and(isNotNull(companies.deletedAt), lt(companies.deletedAt, cutoff)))
    .returning({ id: companies.id, workspaceId: companies.workspaceId });
  const purgedIds = [...purgedPeople, ...purgedCompanies].map((row) => row.id);
  const purgedRelations = purgedIds.length
    ? await tx
        .delete(relations)
        .where(or(inArray(relations.fromId, purgedIds), inArray(relations.toId, purgedIds)))
        .returning({ id: relations.id, workspaceId: relations.workspaceId })
    : [];
  return {
    records: [
      ...purgedPeople.map((row) => ({ ...row, recordType: "person" })),
      ...purgedCompanies.map((row) => ({ ...row, recordType: "company" })),
    ],
    relations: purgedRelations.map((row) => ({ ...row, recordType: "relation" })),
  };
}

/** Comments and documents on purged records go with them (trashed or not). */
export async function deleteAttachedTo(
  db: Executor,
  parents: PurgedRecord[],
): Promise<{ purged: PurgedRecord[]; storageKeys: string[] }> {
  if (!parents.length) return { purged: [], storageKeys: [] };
  const comments = rowsOf<{ id: string; workspace_id: string }>(
    await db.execute(sql`DELETE FROM comments c USING ${keysOf(parents)}
      WHERE c.workspace_id = k.workspace_id AND c.record_type = k.record_type AND c.record_id = k.id
      RETURNING c.id, c.workspace_id`),
  );
  const documents = await deleteDocumentsWhere(
    db,
    sql`d.workspace_id = k.workspace_id AND d.record_type = k.record_type AND d.record_id = k.id`,
    keysOf(parents),
  );
  return {
    purged: [...purgedOf("comment", comments), ...documents.purged],
    storageKeys: documents.storageKeys,
  };
}

/**
 * Removes what pointed at purged records: their record_links (as source and as target),
 * appointment attendance of purged people, notifications about them, the project of tasks whose
 * project is purged and the activity of tasks that followed up a purged activity.
 */
export async function detachPurged(db: Executor, purged: PurgedRecord[]): Promise<void> {
  if (!purged.length) return;
  await db.execute(sql`DELETE FROM record_links l USING ${keysOf(purged)}
    WHERE l.workspace_id = k.workspace_id AND l.source_type = k.record_type AND l.source_id = k.id`);
  await db.execute(sql`DELETE FROM record_links l USING ${keysOf(purged)}
    WHERE l.workspace_id = k.workspace_id AND l.record_type = k.record_type AND l.record_id = k.id`);
  await db.execute(sql`DELETE FROM appointment_attendees a USING ${keysOf(purged)}
    WHERE k.record_type = 'person' AND a.workspace_id = k.workspace_id
      AND a.attendee_type = 'person' AND a.attendee_id = k.id`);
  await db.execute(sql`DELETE FROM notifications n USING ${keysOf(purged)}
    WHERE n.workspace_id = k.workspace_id AND n.record_type = k.record_type AND n.record_id = k.id`);
  await db.execute(sql`UPDATE tasks t SET project_id = NULL FROM ${keysOf(purged)}
    WHERE k.record_type = 'project' AND t.workspace_id = k.workspace_id AND t.project_id = k.id`);
  await db.execute(sql`UPDATE tasks t SET activity_id = NULL FROM ${keysOf(purged)}
    WHERE k.record_type = 'activity' AND t.workspace_id = k.workspace_id AND t.activity_id = k.id`);
}
