import type {
  TActivity,
  TActivityCreateRequest,
  TActivityUpdateRequest,
  TFollowUpRequest,
  TTask,
} from "@kontor/contracts";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { activities } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type FieldSpec, type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import type { Actor } from "../../lib/policy.ts";
import { sanitizeRichText } from "../../lib/rich-text.ts";
import { instantOfWallTime, wallTimeOf } from "../../lib/time-zone.ts";
import { recordChange } from "../audit/audit.repository.ts";
import {
  assertLinkTargetsExist,
  findLinks,
  linkedToRecordParam,
  replaceLinks,
} from "../record-links/record-links.repository.ts";
import { FieldErrors } from "../records/record-support.ts";
import type { TasksService } from "../tasks/tasks.service.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import { authorizeActivity } from "./activities.policy.ts";
import { presentActivity } from "./activities.presenter.ts";
import * as repo from "./activities.repository.ts";

const FIELDS: Record<string, FieldSpec> = {
  id: { expr: sql`${activities.id}`, kind: "uuid", nullable: false },
  type: { expr: sql`${activities.type}`, kind: "text", nullable: false },
  subject: { expr: sql`${activities.subject}`, kind: "text", nullable: false },
  occurredAt: { expr: sql`${activities.occurredAt}`, kind: "timestamp", nullable: false },
  createdAt: { expr: sql`${activities.createdAt}`, kind: "timestamp", nullable: false },
  updatedAt: { expr: sql`${activities.updatedAt}`, kind: "timestamp", nullable: false },
  authorId: { expr: sql`${activities.authorId}`, kind: "uuid", nullable: true },
  outcome: { expr: sql`${activities.outcome}`, kind: "text", nullable: true },
};

function callFields(input: TActivityCreateRequest | TActivityUpdateRequest, type: string) {
  if (type !== "call") return { direction: null, durationMinutes: null, outcome: null };
  const values: Partial<repo.ActivityInsert> = {};
  if (input.direction !== undefined) values.direction = input.direction;
  if (input.durationMinutes !== undefined) values.durationMinutes = input.durationMinutes;
  if (input.outcome !== undefined) values.outcome = input.outcome;
  return values;
}

export function createActivitiesService({ db, tasks }: { db: Database; tasks: TasksService }) {
  async function load(executor: Executor, actor: Actor, id: string): Promise<TActivity> {
    const row = await repo.findActivityById(executor, actor.workspaceId, id);
    if (!row) throw new AppError("activity_not_found", "No such activity.");
    const links = await findLinks(executor, {
      workspaceId: actor.workspaceId,
      sourceType: "activity",
      sourceIds: [id],
    });
    return presentActivity(row, links.get(id) ?? []);
  }

  async function presentMany(executor: Executor, workspaceId: string, rows: repo.ActivityWithAuthor[]) {
    const links = await findLinks(executor, {
      workspaceId,
      sourceType: "activity",
      sourceIds: rows.map((row) => row.activity.id),
    });
    return rows.map((row) => presentActivity(row, links.get(row.activity.id) ?? []));
  }

  return {
    presentMany,

    async list(actor: Actor, request: ListRequest) {
      authorizeActivity(actor, "read");
      const extra = linkedToRecordParam({
        raw: request.raw,
        workspaceId: actor.workspaceId,
        sourceType: "activity",
        sourceIdExpr: sql`${activities.id}`,
      });
      const plan = planList({
        request,
        idExpr: sql`${activities.id}`,
        defaultSort: "-occurredAt",
        resolveField: (name) => FIELDS[name],
        extraConditions: extra,
      });
      const page = pageOf(await repo.listActivities(db, actor.workspaceId, plan), plan);
      return { data: await presentMany(db, actor.workspaceId, page.rows), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string) {
      authorizeActivity(actor, "read");
      return load(db, actor, id);
    },

    async create(actor: Actor, input: TActivityCreateRequest): Promise<TActivity> {
      authorizeActivity(actor, "create");
      return db.transaction(async (tx) => {
        const errors = new FieldErrors();
        await assertLinkTargetsExist(tx, actor.workspaceId, input.links, errors);
        errors.throwIfAny();
        const row = await repo.insertActivity(tx, {
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
          authorId: actor.userId,
          type: input.type,
          subject: input.subject,
          bodyHtml: sanitizeRichText(input.body ?? ""),
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
          ...callFields(input, input.type),
        });
        await replaceLinks(tx, {
          workspaceId: actor.workspaceId,
          sourceType: "activity",
          sourceId: row.id,
          links: input.links ?? [],
        });
        const activity = await load(tx, actor, row.id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "activity",
          recordId: row.id,
          action: "create",
          changes: diffRecords(null, activity),
        });
        return activity;
      });
    },

    async update(actor: Actor, id: string, input: TActivityUpdateRequest, expectedVersion?: number) {
      authorizeActivity(actor, "update");
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        if (expectedVersion !== undefined && before.version !== expectedVersion) {
          throw new AppError(
            "version_conflict",
            `The activity changed meanwhile (now version ${before.version}).`,
          );
        }
        const errors = new FieldErrors();
        await assertLinkTargetsExist(tx, actor.workspaceId, input.links, errors);
        errors.throwIfAny();
        const type = input.type ?? before.type;
        const values: Partial<repo.ActivityInsert> = { ...callFields(input, type) };
        if (input.type !== undefined) values.type = input.type;
        if (input.subject !== undefined) values.subject = input.subject;
        if (input.body !== undefined) values.bodyHtml = sanitizeRichText(input.body);
        if (input.occurredAt !== undefined) values.occurredAt = new Date(input.occurredAt);
        const row = await repo.updateActivity(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: before.version,
          values,
        });
        if (!row)
          throw new AppError("version_conflict", "The activity changed meanwhile; reload and try again.");
        if (input.links !== undefined) {
          await replaceLinks(tx, {
            workspaceId: actor.workspaceId,
            sourceType: "activity",
            sourceId: id,
            links: input.links,
          });
        }
        const after = await load(tx, actor, id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "activity",
          recordId: id,
          action: "update",
          changes: diffRecords(before, after),
        });
        return after;
      });
    },

    /** Moves the activity to the trash; its links stay for a restore. */
    async remove(actor: Actor, id: string) {
      authorizeActivity(actor, "delete");
      await db.transaction((tx) =>
        moveToTrash(tx, { actor, recordType: "activity", id, notFound: "activity_not_found" }),
      );
    },

    async restore(actor: Actor, id: string): Promise<TActivity> {
      authorizeActivity(actor, "delete");
      return db.transaction(async (tx) => {
        await restoreFromTrash(tx, { actor, recordType: "activity", id, notFound: "activity_not_found" });
        return load(tx, actor, id);
      });
    },

    /** "Follow up in N days": a task due N days from today (09:00 local by default), linked like the activity. */
    async followUp(actor: Actor, id: string, input: TFollowUpRequest): Promise<TTask> {
      authorizeActivity(actor, "create");
      const activity = await load(db, actor, id);
      const timeZone = input.timeZone ?? "Europe/Berlin";
      const [hour, minute] = (input.time ?? "09:00").split(":").map(Number) as [number, number];
      const today = wallTimeOf(new Date(), timeZone);
      const day = new Date(Date.UTC(today.year, today.month - 1, today.day + input.days));
      const dueAt = instantOfWallTime(
        {
          year: day.getUTCFullYear(),
          month: day.getUTCMonth() + 1,
          day: day.getUTCDate(),
          hour,
          minute,
          second: 0,
        },
        timeZone,
      );
      return tasks.create(
        actor,
        {
          title: input.title ?? `Follow up: ${activity.subject}`,
          dueAt: dueAt.toISOString(),
          reminderAt: dueAt.toISOString(),
          assigneeId: input.assigneeId ?? actor.userId,
          timeZone,
          links: activity.links,
        },
        { activityId: id },
      );
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
