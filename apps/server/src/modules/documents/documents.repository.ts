import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { documents, documentVersions } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;

const scoped = (workspaceId: string, id: string) =>
  and(eq(documents.workspaceId, workspaceId), eq(documents.id, id));
/** Documents in the trash (with all their versions) are left out of every read. */
const live = isNull(documents.deletedAt);

export async function insertDocument(db: Executor, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning();
  return row!;
}

export async function insertVersion(db: Executor, values: typeof documentVersions.$inferInsert) {
  const [row] = await db.insert(documentVersions).values(values).returning();
  return row!;
}

export async function findDocumentById(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(scoped(workspaceId, id), live));
  return row;
}

export async function updateDocument(
  db: Executor,
  options: {
    workspaceId: string;
    id: string;
    expectedVersion: number;
    values: Partial<typeof documents.$inferInsert>;
  },
) {
  const [row] = await db
    .update(documents)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${documents.version} + 1` })
    .where(and(scoped(options.workspaceId, options.id), live, eq(documents.version, options.expectedVersion)))
    .returning();
  return row;
}

export function findVersions(db: Executor, workspaceId: string, documentId: string) {
  return db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.workspaceId, workspaceId), eq(documentVersions.documentId, documentId)))
    .orderBy(desc(documentVersions.version));
}

export async function findVersion(db: Executor, workspaceId: string, documentId: string, version: number) {
  const [row] = await db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.workspaceId, workspaceId),
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.version, version),
      ),
    );
  return row;
}

export function listDocuments(db: Executor, workspaceId: string, plan: ListPlan) {
  return db
    .select({ row: documents, sortValue: plan.sortValue, id: documents.id })
    .from(documents)
    .where(and(eq(documents.workspaceId, workspaceId), live, plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit + 1);
}
