import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { customFieldDefinitions } from "../../db/schema/index.ts";

export type CustomFieldRow = typeof customFieldDefinitions.$inferSelect;
export type CustomFieldInsert = typeof customFieldDefinitions.$inferInsert;

export function findCustomFields(db: Executor, workspaceId: string, object?: string) {
  const conditions = [eq(customFieldDefinitions.workspaceId, workspaceId)];
  if (object) conditions.push(eq(customFieldDefinitions.object, object));
  return db
    .select()
    .from(customFieldDefinitions)
    .where(and(...conditions))
    .orderBy(asc(customFieldDefinitions.object), asc(customFieldDefinitions.createdAt));
}

export async function findCustomFieldById(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)));
  return row;
}

export async function insertCustomField(db: Executor, values: CustomFieldInsert) {
  const [row] = await db.insert(customFieldDefinitions).values(values).returning();
  return row!;
}

export async function updateCustomField(
  db: Executor,
  workspaceId: string,
  id: string,
  values: Partial<CustomFieldInsert>,
) {
  const [row] = await db
    .update(customFieldDefinitions)
    .set(values)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)))
    .returning();
  return row;
}

export async function deleteCustomField(db: Executor, workspaceId: string, id: string) {
  const rows = await db
    .delete(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)))
    .returning({ id: customFieldDefinitions.id });
  return rows.length > 0;
}

/**
 * Serialises definitions of one key inside the caller's transaction, so two concurrent
 * requests cannot both find the key free and both insert it.
 */
export async function lockCustomFieldKey(tx: Executor, workspaceId: string, object: string, key: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`custom_field:${workspaceId}:${object}:${key}`}))`,
  );
}
