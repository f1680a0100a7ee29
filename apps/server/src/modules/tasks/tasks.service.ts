import type { TMyTasks, TTask, TTaskCreateRequest, TTaskUpdateRequest } from "@kontor/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { memberships, tasks } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type FieldSpec, type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import type { Actor } from "../../lib/policy.ts";
import { isValidRecurrence, nextOccurrence } from "../../lib/recurrence.ts";
import { instantOfWallTime, wallTimeOf } from "../../lib/time-zone.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { insertNotification } from "../notifications/notifications.repository.ts";
import {
  assertLinkTargetsExist,
  findLinks,
  linkedToRecordParam,
  recordExists,
  replaceLinks,
} from "../record-links/record-links.repository.ts";
import { FieldErrors } from "../records/record-support.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import { deliverDueReminders } from "./task-reminders.ts";
import { authorizeTask } from "./tasks.policy.ts";
import { presentTask } from "./tasks.presenter.ts";
import * as repo from "./tasks.repository.ts";

const FIELDS: Record<string, FieldSpec> = {
  id: { expr: sql`${tasks.id}`, kind: "uuid", nullable: false },
  title: { expr: sql`${tasks.title}`, kind: "text", nullable: false },
  status: { expr: sql`${tasks.status}`, kind: "text", nullable: false },
  priority: { expr: sql`${tasks.priority}`, kind: "text", nullable: false },
  assigneeId: { expr: sql`${tasks.assigneeId}`, kind: "uuid", nullable: true },
  projectId: { expr: sql`${tasks.projectId}`, kind: "uuid", nullable: true },
  activityId: { expr: sql`${tasks.activityId}`, kind: "uuid", nullable: true },
  dueAt: { expr: sql`${tasks.dueAt}`, kind: "timestamp", nullable: true },
  reminderAt: { expr: sql`${tasks.reminderAt}`, kind: "timestamp", nullable: true },
  createdAt: { expr: sql`${tasks.createdAt}`, kind: "timestamp", nullable: false },
  updatedAt: { expr: sql`${tasks.updatedAt}`, kind: "timestamp", nullable: false },
};

async function assertAssignee(
  db: Executor,
  workspaceId: string,
  assigneeId: string | null | undefined,
  errors: FieldErrors,
) {
  if (!assigneeId) return;
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, assigneeId)));
  if (!row) errors.add("assigneeId", "The assignee must be a member of this workspace", "not_a_member");
}

async function validate(
  db: Executor,
  actor: Actor,
  input: TTaskCreateRequest | TTaskUpdateRequest,
): Promise<void> {
  const errors = new FieldErrors();
  await assertAssignee(db, actor.workspaceId, input.assigneeId, errors);
  await assertLinkTargetsExist(db, actor.workspaceId, input.links, errors);
  if (input.recurrence && !isValidRecurrence(input.recurrence)) {
    errors.add(
      "recurrence",
      "Not a supported RRULE (FREQ=DAILY, WEEKLY or MONTHLY)",
      "unsupported_recurrence",
    );
  }
  if (input.projectId && !(await recordExists(db, actor.workspaceId, "project", input.projectId))) {
    errors.add("projectId", "No such project in this workspace", "record_not_found", {
      recordType: "project",
    });
  }
  errors.throwIfAny();
}

const dateOrNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

export function createTasksService({ db }: { db: Database }) {
  async function load(executor: Executor, actor: Actor, id: string): Promise<TTask> {
    const row = await repo.findTaskById(executor, actor.workspaceId, id);
    if (!row) throw new AppError("task_not_found", "No such task.");
    const links = await findLinks(executor, {
      workspaceId: actor.workspaceId,
      sourceType: "task",
      sourceIds: [id],
    });
    return presentTask(row, links.get(id) ?? []);
  }

  async function presentMany(executor: Executor, workspaceId: string, rows: repo.TaskRow[]) {
    const links = await findLinks(executor, {
      workspaceId,
      sourceType: "task",
      sourceIds: rows.map((row) => row.id),
    });
    return rows.map((row) => presentTask(row, links.get(row.id) ?? []));
  }

  async function notifyAssignee(tx: Executor, actor: Actor, task: TTask) {
    if (!task.assigneeId || task.assigneeId === actor.userId) return;
    await insertNotification(tx, {
      workspaceId: actor.workspaceId,
      userId: task.assigneeId,
      type: "task_assigned",
      title: task.title,
      recordType: "task",
      recordId: task.id,
      actorId: actor.userId,
      dedupeKey: `task-assigned:${task.id}:${task.assigneeId}:${task.version}`,
    });
  }

  async function insert(
    tx: Executor,
    actor: Actor,
    input: TTaskCreateRequest,
    extra: { activityId?: string } = {},
  ): Promise<TTask> {
    const row = await repo.insertTask(tx, {
      workspaceId: actor.workspaceId,
      createdBy: actor.userId,
      title: input.title,
      description: input.description ?? null,
      dueAt: dateOrNull(input.dueAt) ?? null,
      reminderAt: dateOrNull(input.reminderAt) ?? null,
      assigneeId: input.assigneeId === undefined ? actor.userId : input.assigneeId,
      priority: input.priority ?? "normal",
      status: input.status ?? "open",
      completedAt: input.status === "done" ? new Date() : null,
      recurrence: input.recurrence?.replace(/^RRULE:/, "") ?? null,
      timeZone: input.timeZone ?? "Europe/Berlin",
      projectId: input.projectId ?? null,
      activityId: extra.activityId ?? null,
    });
    await replaceLinks(tx, {
      workspaceId: actor.workspaceId,
      sourceType: "task",
      sourceId: row.id,
      links: input.links ?? [],
    });
    const task = await load(tx, actor, row.id);
    await recordChange(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      recordType: "task",
      recordId: row.id,
      action: "create",
      changes: diffRecords(null, task),
    });
    return task;
  }

  /** A recurring task that is done spawns its next occurrence, keeping the reminder's lead time. */
  async function spawnNext(tx: Executor, actor: Actor, done: TTask) {
    if (!done.recurrence || !done.dueAt) return;
    const dueAt = new Date(done.dueAt);
    const next = nextOccurrence({
      recurrence: done.recurrence,
      start: dueAt,
      timeZone: done.timeZone,
      after: dueAt,
    });
    if (!next) return;
    const lead = done.reminderAt ? dueAt.getTime() - new Date(done.reminderAt).getTime() : null;
    await insert(tx, actor, {
      title: done.title,
      description: done.description,
      dueAt: next.toISOString(),
      reminderAt: lead === null ? null : new Date(next.getTime() - lead).toISOString(),
      assigneeId: done.assigneeId,
      priority: done.priority,
      recurrence: done.recurrence,
      timeZone: done.timeZone,
      projectId: done.projectId,
      links: done.links,
    });
  }

  const service = {
    presentMany,

    async list(actor: Actor, request: ListRequest) {
      authorizeTask(actor, "read");
      const extra = linkedToRecordParam({
        raw: request.raw,
        workspaceId: actor.workspaceId,
        sourceType: "task",
        sourceIdExpr: sql`${tasks.id}`,
      });
      const plan = planList({
        request,
        idExpr: sql`${tasks.id}`,
        defaultSort: "dueAt",
        resolveField: (name) => FIELDS[name],
        extraConditions: extra,
      });
      const page = pageOf(await repo.listTasks(db, actor.workspaceId, plan), plan);
      return { data: await presentMany(db, actor.workspaceId, page.rows), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string) {
      authorizeTask(actor, "read");
      return load(db, actor, id);
    },

    async create(
      actor: Actor,
      input: TTaskCreateRequest,
      extra: { activityId?: string } = {},
    ): Promise<TTask> {
      authorizeTask(actor, "create");
      return db.transaction(async (tx) => {
        await validate(tx, actor, input);
        const created = await insert(tx, actor, input, extra);
        await notifyAssignee(tx, actor, created);
        return created;
      });
    },

    async update(
      actor: Actor,
      id: string,
      input: TTaskUpdateRequest,
      expectedVersion?: number,
    ): Promise<TTask> {
      authorizeTask(actor, "update");
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        if (expectedVersion !== undefined && before.version !== expectedVersion) {
          throw new AppError(
            "version_conflict",
            `The task changed meanwhile (now version ${before.version}).`,
          );
        }
        await validate(tx, actor, input);
        const values: Partial<repo.TaskInsert> = {};
        if (input.title !== undefined) values.title = input.title;
        if (input.description !== undefined) values.description = input.description;
        if (input.dueAt !== undefined) values.dueAt = dateOrNull(input.dueAt);
        if (input.reminderAt !== undefined) {
          values.reminderAt = dateOrNull(input.reminderAt);
          values.reminderSentAt = null;
        }
        if (input.assigneeId !== undefined) values.assigneeId = input.assigneeId;
        if (input.priority !== undefined) values.priority = input.priority;
        if (input.recurrence !== undefined)
          values.recurrence = input.recurrence?.replace(/^RRULE:/, "") ?? null;
        if (input.timeZone !== undefined) values.timeZone = input.timeZone;
        if (input.projectId !== undefined) values.projectId = input.projectId;
        if (input.status !== undefined && input.status !== before.status) {
          values.status = input.status;
          values.completedAt = input.status === "done" ? new Date() : null;
        }
        const row = await repo.updateTask(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: before.version,
          values,
        });
        if (!row) throw new AppError("version_conflict", "The task changed meanwhile; reload and try again.");
        if (input.links !== undefined) {
          await replaceLinks(tx, {
            workspaceId: actor.workspaceId,
            sourceType: "task",
            sourceId: id,
            links: input.links,
          });
        }
        const after = await load(tx, actor, id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "task",
          recordId: id,
          action: "update",
          changes: diffRecords(before, after),
        });
        if (before.status !== "done" && after.status === "done") await spawnNext(tx, actor, after);
        if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
          await notifyAssignee(tx, actor, after);
        }
        return after;
      });
    },

    complete(actor: Actor, id: string) {
      return service.update(actor, id, { status: "done" });
    },

    /** "Remind me again": a new reminder time (default in 60 minutes); it fires once more. */
    async snooze(
      actor: Actor,
      id: string,
      input: { until?: string | undefined; minutes?: number | undefined },
    ) {
      const until = input.until
        ? new Date(input.until)
        : new Date(Date.now() + (input.minutes ?? 60) * 60_000);
      return service.update(actor, id, { reminderAt: until.toISOString() });
    },

    /** Moves the task to the trash: it leaves every list and never reminds until restored. */
    async remove(actor: Actor, id: string) {
      authorizeTask(actor, "delete");
      await db.transaction((tx) =>
        moveToTrash(tx, { actor, recordType: "task", id, notFound: "task_not_found" }),
      );
    },

    async restore(actor: Actor, id: string): Promise<TTask> {
      authorizeTask(actor, "delete");
      return db.transaction(async (tx) => {
        await restoreFromTrash(tx, { actor, recordType: "task", id, notFound: "task_not_found" });
        return load(tx, actor, id);
      });
    },

    /** My open tasks: overdue (due before now), due later today, and upcoming (later or undated). */
    async mine(actor: Actor, options: { timeZone: string; now?: Date }): Promise<TMyTasks> {
      authorizeTask(actor, "read");
      const now = options.now ?? new Date();
      const wall = wallTimeOf(now, options.timeZone);
      const tomorrow = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
      const endOfToday = instantOfWallTime(
        {
          year: tomorrow.getUTCFullYear(),
          month: tomorrow.getUTCMonth() + 1,
          day: tomorrow.getUTCDate(),
          hour: 0,
          minute: 0,
          second: 0,
        },
        options.timeZone,
      );
      const base = { workspaceId: actor.workspaceId, assigneeId: actor.userId };
      const [overdue, today, upcoming] = await Promise.all([
        repo.listOpenTasksOf(db, { ...base, before: now }),
        repo.listOpenTasksOf(db, { ...base, from: now, before: endOfToday }),
        repo.listOpenTasksOf(db, { ...base, from: endOfToday, includeUndated: true }),
      ]);
      return {
        overdue: await presentMany(db, actor.workspaceId, overdue),
        today: await presentMany(db, actor.workspaceId, today),
        upcoming: await presentMany(db, actor.workspaceId, upcoming),
      };
    },

    /** Delivers every due reminder exactly once (see task-reminders.ts). */
    deliverDueReminders: (options: { now?: Date } = {}) => deliverDueReminders(db, options),
  };
  return service;
}

export type TasksService = ReturnType<typeof createTasksService>;
