import type { TRecordLink, TTask } from "@kontor/contracts";
import type { TaskRow } from "./tasks.repository.ts";

export function presentTask(row: TaskRow, links: TRecordLink[]): TTask {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    dueAt: row.dueAt?.toISOString() ?? null,
    reminderAt: row.reminderAt?.toISOString() ?? null,
    reminderSentAt: row.reminderSentAt?.toISOString() ?? null,
    assigneeId: row.assigneeId,
    priority: row.priority as TTask["priority"],
    status: row.status as TTask["status"],
    completedAt: row.completedAt?.toISOString() ?? null,
    recurrence: row.recurrence,
    timeZone: row.timeZone,
    activityId: row.activityId,
    projectId: row.projectId,
    links,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
  };
}
