import { TIMELINE_KINDS, type TimelineKind, type TTimelineItem } from "@kontor/contracts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { isUuid } from "../../lib/uuid.ts";
import * as activitiesRepo from "../activities/activities.repository.ts";
import type { ActivitiesService } from "../activities/activities.service.ts";
import type { AppointmentsService } from "../appointments/appointments.service.ts";
import type { CommentsService } from "../comments/comments.service.ts";
import { recordExists } from "../record-links/record-links.repository.ts";
import * as tasksRepo from "../tasks/tasks.repository.ts";
import type { TasksService } from "../tasks/tasks.service.ts";
import { findAuditEntriesByIds, findTimelinePage, type TimelineTarget } from "./timeline.repository.ts";

function invalidCursor(): AppError {
  return new AppError("invalid_cursor", "The cursor is not valid; start again without it.", [
    { path: "cursor", message: "Malformed cursor", code: "malformed_cursor" },
  ]);
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === "string" &&
      !Number.isNaN(Date.parse(parsed[0])) &&
      isUuid(parsed[1])
    ) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

function parseKinds(types: string | undefined): TimelineKind[] {
  if (!types) return [...TIMELINE_KINDS];
  const kinds = [
    ...new Set(
      types
        .split(",")
        .map((type) => type.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = kinds.filter((kind) => !(TIMELINE_KINDS as readonly string[]).includes(kind));
  if (unknown.length || kinds.length === 0) {
    throw new AppError("validation_failed", "Unknown timeline type.", [
      { path: "types", message: `Use some of ${TIMELINE_KINDS.join(", ")}` },
    ]);
  }
  return kinds as TimelineKind[];
}

export function createTimelineService(deps: {
  db: Database;
  activities: ActivitiesService;
  tasks: TasksService;
  appointments: AppointmentsService;
  comments: CommentsService;
}) {
  const { db } = deps;
  return {
    /** The merged history of a person or company (for a company also of its people), newest first. */
    async list(
      actor: Actor,
      target: TimelineTarget,
      query: { limit: number; cursor?: string | undefined; types?: string | undefined },
    ): Promise<{ data: TTimelineItem[]; nextCursor: string | null }> {
      authorizeRecord(actor, "read");
      if (!(await recordExists(db, actor.workspaceId, target.recordType, target.recordId))) {
        throw new AppError(
          target.recordType === "person" ? "person_not_found" : "company_not_found",
          "No such record.",
        );
      }
      const keys = await findTimelinePage(db, {
        workspaceId: actor.workspaceId,
        target,
        kinds: parseKinds(query.types),
        limit: query.limit,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
      });
      const page = keys.slice(0, query.limit);
      const idsOf = (kind: TimelineKind) => page.filter((key) => key.kind === kind).map((key) => key.id);
      const ws = actor.workspaceId;
      const [activities, tasks, appointments, comments, audits] = await Promise.all([
        activitiesRepo
          .findActivitiesByIds(db, ws, idsOf("activity"))
          .then((rows) => deps.activities.presentMany(db, ws, rows)),
        tasksRepo.findTasksByIds(db, ws, idsOf("task")).then((rows) => deps.tasks.presentMany(db, ws, rows)),
        deps.appointments.findByIds(ws, idsOf("appointment")),
        deps.comments.findByIds(ws, idsOf("comment")),
        findAuditEntriesByIds(db, ws, idsOf("audit")),
      ]);
      const byId = new Map<string, unknown>([
        ...activities.map((item) => [item.id, item] as const),
        ...tasks.map((item) => [item.id, item] as const),
        ...appointments.map((item) => [item.id, item] as const),
        ...comments.map((item) => [item.id, item] as const),
        ...audits.map((item) => [item.id, item] as const),
      ]);
      const data = page.flatMap((key) => {
        const item = byId.get(key.id);
        return item ? [{ kind: key.kind, id: key.id, at: key.at, [key.kind]: item } as TTimelineItem] : [];
      });
      const last = page.at(-1);
      return {
        data,
        nextCursor:
          keys.length > query.limit && last
            ? Buffer.from(JSON.stringify([last.at, last.id])).toString("base64url")
            : null,
      };
    },
  };
}

export type TimelineService = ReturnType<typeof createTimelineService>;
