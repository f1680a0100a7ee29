import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { tasks } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;

const scoped = (workspaceId: string, id: string) => and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id));
/** Tasks in the trash are left out of every read and never remind. */
const live = isNull(tasks.deletedAt);

export async function insertTask(db: Executor, values: TaskInsert) {
  const [row] = await db.insert(tasks).values(values).returning();
  return row!;
}

export async function findTaskById(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(scoped(workspaceId, id), live));
  return row;
}

export function findTasksByIds(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), inArray(tasks.id, ids), live));
}

export async function updateTask(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number; values: Partial<TaskInsert> },
) {
  const [row] = await db
    .update(tasks)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(and(scoped(options.workspaceId, options.id), live, eq(tasks.version, options.expectedVersion)))
    .returning();
  return row;
}

export function listTasks(db: Executor, workspaceId: string, plan: ListPlan) {
  return db
    .select({ row: tasks, sortValue: plan.sortValue, id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), live, plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit + 1);
}

/** Open tasks of one assignee due before `before` (or without a due date when `includeUndated`). */
export function listOpenTasksOf(
  db: Executor,
  options: { workspaceId: string; assigneeId: string; from?: Date; before?: Date; includeUndated?: boolean },
) {
  const range = [];
  if (options.from) range.push(gte(tasks.dueAt, options.from));
  if (options.before) range.push(lt(tasks.dueAt, options.before));
  const due = and(isNotNull(tasks.dueAt), ...range);
  return db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, options.workspaceId),
        eq(tasks.assigneeId, options.assigneeId),
        eq(tasks.status, "open"),
        live,
        options.includeUndated ? or(due, isNull(tasks.dueAt)) : due,
      ),
    )
    .orderBy(sql`${tasks.dueAt} ASC NULLS LAST`, asc(tasks.id))
    .limit(200);
}

/**
 * Claims due reminders: marks them sent and returns them. Run it in the transaction that also
 * writes the notifications, so a reminder is either claimed and delivered or neither; rows
 * another worker holds are skipped, never delivered twice.
 */
export async function claimDueReminders(db: Executor, options: { now: Date; limit: number }) {
  const due = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(lte(tasks.reminderAt, options.now), isNull(tasks.reminderSentAt), live, eq(tasks.status, "open")),
    )
    .orderBy(asc(tasks.reminderAt))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(tasks)
    .set({ reminderSentAt: options.now })
    .where(and(inArray(tasks.id, due), isNull(tasks.reminderSentAt)))
    .returning();
}
