import type { TRecordLink, TTask, TTaskCreateRequest, TTaskUpdateRequest } from "@kontor/contracts";
import { browserTimeZone } from "./tasks-api.ts";

/** What the task form edits; date-times as `datetime-local` strings in the browser's zone. */
export interface TaskFormValues {
  title: string;
  description: string;
  dueAt: string;
  reminderAt: string;
  priority: TTask["priority"];
  recurrence: string;
  status: TTask["status"];
  assigneeId: string | null;
  projectId: string | null;
  links: TRecordLink[];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** An ISO timestamp as the value of an `<input type="datetime-local">` in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

export function valuesOfTask(task: TTask): TaskFormValues {
  return {
    title: task.title,
    description: task.description ?? "",
    dueAt: toLocalInput(task.dueAt),
    reminderAt: toLocalInput(task.reminderAt),
    priority: task.priority,
    recurrence: task.recurrence ?? "",
    status: task.status,
    assigneeId: task.assigneeId,
    projectId: task.projectId,
    links: task.links.map((link) => ({ recordType: link.recordType, recordId: link.recordId })),
  };
}

export function newTaskValues(options: {
  assigneeId: string | null;
  projectId?: string | undefined;
  links: TRecordLink[];
}): TaskFormValues {
  return {
    title: "",
    description: "",
    dueAt: "",
    reminderAt: "",
    priority: "normal",
    recurrence: "",
    status: "open",
    assigneeId: options.assigneeId,
    projectId: options.projectId ?? null,
    links: options.links,
  };
}

export function createBody(values: TaskFormValues): TTaskCreateRequest {
  return {
    title: values.title,
    description: values.description || null,
    dueAt: toIso(values.dueAt),
    reminderAt: toIso(values.reminderAt),
    priority: values.priority,
    recurrence: values.recurrence || null,
    status: values.status,
    assigneeId: values.assigneeId,
    projectId: values.projectId,
    timeZone: browserTimeZone(),
    links: values.links,
  };
}

/** Only the fields the person changed, so the audit trail shows real changes and nothing else moves. */
export function updateBody(task: TTask, values: TaskFormValues): TTaskUpdateRequest {
  const before = createBody(valuesOfTask(task));
  const after = createBody(values);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof TTaskCreateRequest)[]) {
    if (key === "timeZone") continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) body[key] = after[key];
  }
  // Due dates and reminders are wall-clock times of the zone they were entered in.
  if (body.dueAt !== undefined || body.reminderAt !== undefined || body.recurrence !== undefined)
    body.timeZone = browserTimeZone();
  return body as TTaskUpdateRequest;
}
