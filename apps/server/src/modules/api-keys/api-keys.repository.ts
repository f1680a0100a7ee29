import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { apikey } from "../../db/schema/index.ts";

export function findApiKeysOfUser(db: Executor, userId: string) {
  return db.select().from(apikey).where(eq(apikey.referenceId, userId)).orderBy(desc(apikey.createdAt));
}

export async function deleteApiKeyOfUser(db: Executor, userId: string, id: string) {
  const rows = await db
    .delete(apikey)
    .where(and(eq(apikey.referenceId, userId), eq(apikey.id, id)))
    .returning({ id: apikey.id });
  return rows.length > 0;
}

/** No per-key window: verification then reads the key without updating it (see better-auth.ts). */
export async function clearKeyRateLimit(db: Executor, id: string) {
  await db.update(apikey).set({ rateLimitTimeWindow: null, rateLimitMax: null }).where(eq(apikey.id, id));
}
