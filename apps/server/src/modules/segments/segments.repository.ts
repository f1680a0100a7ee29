import { and, asc, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { companies, people, segmentMembers, segments } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";
import { segmentCompany } from "./segment-fields.ts";

export type SegmentRow = typeof segments.$inferSelect;

export async function findSegment(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return row;
}

export function findSegments(db: Executor, workspaceId: string, object?: string) {
  const conditions = [eq(segments.workspaceId, workspaceId)];
  if (object) conditions.push(eq(segments.object, object));
  return db
    .select()
    .from(segments)
    .where(and(...conditions))
    .orderBy(asc(segments.name), asc(segments.id));
}

export async function insertSegment(db: Executor, values: typeof segments.$inferInsert) {
  const [row] = await db.insert(segments).values(values).returning();
  return row!;
}

export async function updateSegment(
  db: Executor,
  workspaceId: string,
  id: string,
  values: Partial<typeof segments.$inferInsert>,
) {
  const [row] = await db
    .update(segments)
    .set({ ...values, updatedAt: new Date(), version: sql`${segments.version} + 1` })
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning();
  return row;
}

export async function deleteSegment(db: Executor, workspaceId: string, id: string) {
  const rows = await db
    .delete(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning({ id: segments.id });
  return rows.length > 0;
}

/** Membership of a static segment as a condition on the record id. */
export function staticMembership(segmentId: string, recordId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM ${segmentMembers} sm WHERE sm.segment_id = ${segmentId} AND sm.record_id = ${recordId})`;
}

function personScope(workspaceId: string, condition: SQL | undefined) {
  return and(eq(people.workspaceId, workspaceId), isNull(people.deletedAt), condition);
}

function companyScope(workspaceId: string, condition: SQL | undefined) {
  return and(eq(companies.workspaceId, workspaceId), isNull(companies.deletedAt), condition);
}

const companyJoin = () =>
  and(
    eq(segmentCompany.id, people.companyId),
    eq(segmentCompany.workspaceId, people.workspaceId),
    isNull(segmentCompany.deletedAt),
  );

/** The count of a person segment (a query, so tests can EXPLAIN it). */
export function countPeopleQuery(db: Executor, workspaceId: string, condition: SQL | undefined) {
  return db
    .select({ value: count() })
    .from(people)
    .leftJoin(segmentCompany, companyJoin())
    .where(personScope(workspaceId, condition));
}

export async function countPeopleWhere(db: Executor, workspaceId: string, condition: SQL | undefined) {
  const [row] = await countPeopleQuery(db, workspaceId, condition);
  return row?.value ?? 0;
}

export function countCompaniesQuery(db: Executor, workspaceId: string, condition: SQL | undefined) {
  return db.select({ value: count() }).from(companies).where(companyScope(workspaceId, condition));
}

export async function countCompaniesWhere(db: Executor, workspaceId: string, condition: SQL | undefined) {
  const [row] = await countCompaniesQuery(db, workspaceId, condition);
  return row?.value ?? 0;
}

export function listPeopleWhere(
  db: Executor,
  workspaceId: string,
  condition: SQL | undefined,
  plan: ListPlan,
) {
  return db
    .select({ row: people, sortValue: plan.sortValue, id: people.id })
    .from(people)
    .leftJoin(segmentCompany, companyJoin())
    .where(and(personScope(workspaceId, condition), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit + 1);
}

export function listCompaniesWhere(
  db: Executor,
  workspaceId: string,
  condition: SQL | undefined,
  plan: ListPlan,
) {
  return db
    .select({ row: companies, sortValue: plan.sortValue, id: companies.id })
    .from(companies)
    .where(and(companyScope(workspaceId, condition), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit + 1);
}

/** Adds records to a static segment, keeping only ids of live records of the workspace. */
export async function addStaticMembers(
  db: Executor,
  options: { workspaceId: string; segmentId: string; object: string; ids: string[] },
) {
  const table = options.object === "person" ? people : companies;
  const existing = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, options.workspaceId),
        inArray(table.id, options.ids),
        isNull(table.deletedAt),
      ),
    );
  if (existing.length) {
    await db
      .insert(segmentMembers)
      .values(
        existing.map((row) => ({
          workspaceId: options.workspaceId,
          segmentId: options.segmentId,
          recordId: row.id,
        })),
      )
      .onConflictDoNothing();
  }
  return existing.map((row) => row.id);
}

export async function removeStaticMembers(
  db: Executor,
  options: { workspaceId: string; segmentId: string; ids: string[] },
) {
  await db
    .delete(segmentMembers)
    .where(
      and(
        eq(segmentMembers.workspaceId, options.workspaceId),
        eq(segmentMembers.segmentId, options.segmentId),
        inArray(segmentMembers.recordId, options.ids),
      ),
    );
}
