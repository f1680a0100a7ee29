import type { TRecordLink } from "@kontor/contracts";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  activities,
  appointments,
  companies,
  documents,
  people,
  projects,
  recordLinks,
  tasks,
} from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { isUuid } from "../../lib/uuid.ts";
import type { FieldErrors } from "../records/record-support.ts";

/** What owns a set of links: an activity, task, appointment or project. */
export type LinkSource = "activity" | "task" | "appointment" | "project";

/** Replaces the links of one source with `links` (deduplicated). */
export async function replaceLinks(
  db: Executor,
  options: { workspaceId: string; sourceType: LinkSource; sourceId: string; links: TRecordLink[] },
) {
  await db
    .delete(recordLinks)
    .where(
      and(
        eq(recordLinks.workspaceId, options.workspaceId),
        eq(recordLinks.sourceType, options.sourceType),
        eq(recordLinks.sourceId, options.sourceId),
      ),
    );
  const unique = new Map(options.links.map((link) => [`${link.recordType}:${link.recordId}`, link]));
  if (unique.size === 0) return;
  await db.insert(recordLinks).values(
    [...unique.values()].map((link) => ({
      workspaceId: options.workspaceId,
      sourceType: options.sourceType,
      sourceId: options.sourceId,
      recordType: link.recordType,
      recordId: link.recordId,
    })),
  );
}

/** Links of many sources at once, keyed by source id. */
export async function findLinks(
  db: Executor,
  options: { workspaceId: string; sourceType: LinkSource; sourceIds: string[] },
): Promise<Map<string, TRecordLink[]>> {
  const result = new Map<string, TRecordLink[]>();
  if (options.sourceIds.length === 0) return result;
  const rows = await db
    .select()
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.workspaceId, options.workspaceId),
        eq(recordLinks.sourceType, options.sourceType),
        inArray(recordLinks.sourceId, options.sourceIds),
      ),
    )
    .orderBy(recordLinks.id);
  for (const row of rows) {
    const list = result.get(row.sourceId) ?? [];
    list.push({ recordType: row.recordType as TRecordLink["recordType"], recordId: row.recordId });
    result.set(row.sourceId, list);
  }
  return result;
}

/** Adds a field error for every linked person or company that does not exist in the workspace. */
export async function assertLinkTargetsExist(
  db: Executor,
  workspaceId: string,
  links: TRecordLink[] | undefined,
  errors: FieldErrors,
) {
  if (!links?.length) return;
  const personIds = links.filter((link) => link.recordType === "person").map((link) => link.recordId);
  const companyIds = links.filter((link) => link.recordType === "company").map((link) => link.recordId);
  const found = new Set<string>();
  if (personIds.length) {
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(
        and(eq(people.workspaceId, workspaceId), inArray(people.id, personIds), isNull(people.deletedAt)),
      );
    for (const row of rows) found.add(`person:${row.id}`);
  }
  if (companyIds.length) {
    const rows = await db
      .select({ id: companies.id })
      .from(companies)
      .where(
        and(
          eq(companies.workspaceId, workspaceId),
          inArray(companies.id, companyIds),
          isNull(companies.deletedAt),
        ),
      );
    for (const row of rows) found.add(`company:${row.id}`);
  }
  links.forEach((link, index) => {
    if (!found.has(`${link.recordType}:${link.recordId}`)) {
      errors.add(
        `links.${index}.recordId`,
        `No such ${link.recordType} in this workspace`,
        "record_not_found",
        {
          recordType: link.recordType,
        },
      );
    }
  });
}

const TABLES = {
  activity: activities,
  task: tasks,
  appointment: appointments,
  project: projects,
  document: documents,
} as const;

/**
 * True when a record of any commentable or attachable type exists in the workspace (records in
 * the trash count as missing).
 */
export async function recordExists(
  db: Executor,
  workspaceId: string,
  recordType: string,
  recordId: string,
): Promise<boolean> {
  if (recordType === "person" || recordType === "company") {
    const table = recordType === "person" ? people : companies;
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), eq(table.id, recordId), isNull(table.deletedAt)));
    return Boolean(row);
  }
  const table = TABLES[recordType as keyof typeof TABLES];
  if (!table) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, recordId), isNull(table.deletedAt)));
  return Boolean(row);
}

/** SQL that is true when a source has a link to one of the record's timeline targets. */
export function linkedToTargets(options: {
  workspaceId: string;
  sourceType: LinkSource;
  sourceIdExpr: ReturnType<typeof sql>;
  targets: ReturnType<typeof sql>;
}) {
  return sql`EXISTS (SELECT 1 FROM ${recordLinks} l WHERE l.workspace_id = ${options.workspaceId}
    AND l.source_type = ${options.sourceType} AND l.source_id = ${options.sourceIdExpr}
    AND ${options.targets})`;
}

/**
 * The `recordId=` query parameter of a list of linked sources (activities, tasks): a condition
 * that the source links to that record, or none when the parameter is absent.
 */
export function linkedToRecordParam(options: {
  raw: Record<string, unknown>;
  workspaceId: string;
  sourceType: LinkSource;
  sourceIdExpr: ReturnType<typeof sql>;
}) {
  const recordId = options.raw.recordId;
  if (recordId === undefined) return [];
  if (!isUuid(recordId)) {
    throw new AppError("invalid_filter", "recordId must be a UUID.", [
      { path: "recordId", message: "Expected a UUID", code: "invalid_format", params: { format: "uuid" } },
    ]);
  }
  return [linkedToTargets({ ...options, targets: sql`l.record_id = ${recordId}` })];
}
