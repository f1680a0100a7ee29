import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { activities, user } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;
export interface ActivityWithAuthor {
  activity: ActivityRow;
  authorName: string | null;
}

const scoped = (workspaceId: string, id: string) =>
  and(eq(activities.workspaceId, workspaceId), eq(activities.id, id));
/** Activities in the trash are left out of every read. */
const live = isNull(activities.deletedAt);

export async function insertActivity(db: Executor, values: ActivityInsert) {
  const [row] = await db.insert(activities).values(values).returning();
  return row!;
}

export async function findActivityById(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select({ activity: activities, authorName: user.name })
    .from(activities)
    .leftJoin(user, eq(user.id, activities.authorId))
    .where(and(scoped(workspaceId, id), live));
  return row;
}

export function findActivitiesByIds(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ activity: activities, authorName: user.name })
    .from(activities)
    .leftJoin(user, eq(user.id, activities.authorId))
    .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.id, ids), live));
}

export async function updateActivity(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number; values: Partial<ActivityInsert> },
) {
  const [row] = await db
    .update(activities)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${activities.version} + 1` })
    .where(
      and(scoped(options.workspaceId, options.id), live, eq(activities.version, options.expectedVersion)),
    )
    .returning();
  return row;
}

export async function listActivities(db: Executor, workspaceId: string, plan: ListPlan) {
  const rows = await db
    .select({ activity: activities, authorName: user.name, sortValue: plan.sortValue, id: activities.id })
    .from(activities)
    .leftJoin(user, eq(user.id, activities.authorId))
    .where(and(eq(activities.workspaceId, workspaceId), live, plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit + 1);
  return rows.map(({ activity, authorName, sortValue, id }) => ({
    row: { activity, authorName },
    sortValue,
    id,
  }));
}
