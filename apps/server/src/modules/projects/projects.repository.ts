import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { milestones, projects, tasks } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;
export type MilestoneRow = typeof milestones.$inferSelect;

const scoped = (workspaceId: string, id: string) =>
  and(eq(projects.workspaceId, workspaceId), eq(projects.id, id));
/** Projects in the trash are left out of every read. */
const live = isNull(projects.deletedAt);

export async function insertProject(db: Executor, values: ProjectInsert) {
  const [row] = await db.insert(projects).values(values).returning();
  return row!;
}

export async function findProjectById(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(scoped(workspaceId, id), live));
  return row;
}

export async function updateProject(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number; values: Partial<ProjectInsert> },
) {
  const [row] = await db
    .update(projects)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${projects.version} + 1` })
    .where(and(scoped(options.workspaceId, options.id), live, eq(projects.version, options.expectedVersion)))
    .returning();
  return row;
}

/** Claims the next milestone list version; undefined when `expectedVersion` is no longer current. */
export async function bumpMilestonesVersion(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number },
) {
  const [row] = await db
    .update(projects)
    .set({ milestonesVersion: sql`${projects.milestonesVersion} + 1`, updatedAt: new Date() })
    .where(
      and(
        scoped(options.workspaceId, options.id),
        live,
        eq(projects.milestonesVersion, options.expectedVersion),
      ),
    )
    .returning({ id: projects.id });
  return row;
}

export function listProjects(db: Executor, workspaceId: string, plan: ListPlan) {
  return db
    .select({ row: projects, sortValue: plan.sortValue, id: projects.id })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), live, plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit + 1);
}

export async function replaceMilestones(
  db: Executor,
  options: {
    workspaceId: string;
    projectId: string;
    milestones: { title: string; dueDate?: string | null | undefined; done?: boolean | undefined }[];
  },
) {
  await db
    .delete(milestones)
    .where(and(eq(milestones.workspaceId, options.workspaceId), eq(milestones.projectId, options.projectId)));
  if (options.milestones.length === 0) return;
  await db.insert(milestones).values(
    options.milestones.map((milestone) => ({
      workspaceId: options.workspaceId,
      projectId: options.projectId,
      title: milestone.title,
      dueDate: milestone.dueDate ?? null,
      done: milestone.done ?? false,
    })),
  );
}

export function findMilestones(db: Executor, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(milestones)
    .where(and(eq(milestones.workspaceId, workspaceId), inArray(milestones.projectId, projectIds)))
    .orderBy(sql`${milestones.dueDate} ASC NULLS LAST`, asc(milestones.id));
}

export async function countOpenTasks(db: Executor, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ projectId: tasks.projectId, n: count() })
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, workspaceId),
        inArray(tasks.projectId, projectIds),
        eq(tasks.status, "open"),
        isNull(tasks.deletedAt),
      ),
    )
    .groupBy(tasks.projectId);
  return new Map(rows.map((row) => [row.projectId!, Number(row.n)]));
}
