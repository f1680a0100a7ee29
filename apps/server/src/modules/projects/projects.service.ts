import type { TMilestone, TProject, TProjectCreateRequest, TProjectUpdateRequest } from "@kontor/contracts";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { memberships, projects } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type FieldSpec, type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { assertCompanyExists, FieldErrors } from "../records/record-support.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import * as repo from "./projects.repository.ts";

const FIELDS: Record<string, FieldSpec> = {
  id: { expr: sql`${projects.id}`, kind: "uuid", nullable: false },
  name: { expr: sql`${projects.name}`, kind: "text", nullable: false },
  status: { expr: sql`${projects.status}`, kind: "text", nullable: false },
  companyId: { expr: sql`${projects.companyId}`, kind: "uuid", nullable: true },
  ownerId: { expr: sql`${projects.ownerId}`, kind: "uuid", nullable: true },
  startDate: { expr: sql`${projects.startDate}`, kind: "date", nullable: true },
  deadline: { expr: sql`${projects.deadline}`, kind: "date", nullable: true },
  createdAt: { expr: sql`${projects.createdAt}`, kind: "timestamp", nullable: false },
  updatedAt: { expr: sql`${projects.updatedAt}`, kind: "timestamp", nullable: false },
};

function presentProject(
  row: repo.ProjectRow,
  milestones: repo.MilestoneRow[],
  openTaskCount: number,
): TProject {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    companyId: row.companyId,
    ownerId: row.ownerId,
    memberIds: row.memberIds,
    startDate: row.startDate,
    deadline: row.deadline,
    status: row.status as TProject["status"],
    milestones: milestones.map(
      (milestone): TMilestone => ({
        id: milestone.id,
        title: milestone.title,
        dueDate: milestone.dueDate,
        done: milestone.done,
      }),
    ),
    milestonesVersion: row.milestonesVersion,
    openTaskCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
  };
}

async function assertMembers(
  db: Executor,
  workspaceId: string,
  input: TProjectCreateRequest | TProjectUpdateRequest,
  errors: FieldErrors,
) {
  const ids = [...new Set([...(input.ownerId ? [input.ownerId] : []), ...(input.memberIds ?? [])])];
  if (ids.length === 0) return;
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)));
  const found = new Set(rows.map((row) => row.userId));
  if (input.ownerId && !found.has(input.ownerId))
    errors.add("ownerId", "The owner must be a member of this workspace", "not_a_member");
  (input.memberIds ?? []).forEach((id, index) => {
    if (!found.has(id)) errors.add(`memberIds.${index}`, "Not a member of this workspace", "not_a_member");
  });
}

type MilestoneInput = { title: string; dueDate?: string | null | undefined; done?: boolean | undefined };

/** True when the input lists the same milestones (title, due date, done) in the same order. */
function sameMilestones(current: TMilestone[], input: MilestoneInput[]) {
  return (
    current.length === input.length &&
    current.every(
      (milestone, index) =>
        milestone.title === input[index]!.title &&
        milestone.dueDate === (input[index]!.dueDate ?? null) &&
        milestone.done === (input[index]!.done ?? false),
    )
  );
}

export function createProjectsService({ db }: { db: Database }) {
  async function presentMany(executor: Executor, workspaceId: string, rows: repo.ProjectRow[]) {
    const ids = rows.map((row) => row.id);
    const [milestones, counts] = await Promise.all([
      repo.findMilestones(executor, workspaceId, ids),
      repo.countOpenTasks(executor, workspaceId, ids),
    ]);
    return rows.map((row) =>
      presentProject(
        row,
        milestones.filter((milestone) => milestone.projectId === row.id),
        counts.get(row.id) ?? 0,
      ),
    );
  }

  async function load(executor: Executor, actor: Actor, id: string) {
    const row = await repo.findProjectById(executor, actor.workspaceId, id);
    if (!row) throw new AppError("project_not_found", "No such project.");
    return (await presentMany(executor, actor.workspaceId, [row]))[0]!;
  }

  async function validate(
    executor: Executor,
    actor: Actor,
    input: TProjectCreateRequest | TProjectUpdateRequest,
  ) {
    const errors = new FieldErrors();
    await assertCompanyExists(executor, actor.workspaceId, input.companyId, errors);
    await assertMembers(executor, actor.workspaceId, input, errors);
    errors.throwIfAny();
  }

  return {
    async list(actor: Actor, request: ListRequest) {
      authorizeRecord(actor, "read");
      const plan = planList({
        request,
        idExpr: sql`${projects.id}`,
        defaultSort: "deadline",
        resolveField: (name) => FIELDS[name],
      });
      const page = pageOf(await repo.listProjects(db, actor.workspaceId, plan), plan);
      return { data: await presentMany(db, actor.workspaceId, page.rows), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string) {
      authorizeRecord(actor, "read");
      return load(db, actor, id);
    },

    async create(actor: Actor, input: TProjectCreateRequest) {
      authorizeRecord(actor, "create");
      return db.transaction(async (tx) => {
        await validate(tx, actor, input);
        const row = await repo.insertProject(tx, {
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
          name: input.name,
          description: input.description ?? null,
          companyId: input.companyId ?? null,
          ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
          memberIds: [...new Set(input.memberIds ?? [])],
          startDate: input.startDate ?? null,
          deadline: input.deadline ?? null,
          status: input.status ?? "planned",
        });
        await repo.replaceMilestones(tx, {
          workspaceId: actor.workspaceId,
          projectId: row.id,
          milestones: input.milestones ?? [],
        });
        const project = await load(tx, actor, row.id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "project",
          recordId: row.id,
          action: "create",
          changes: diffRecords(null, { ...project, openTaskCount: null }),
        });
        return project;
      });
    },

    async update(actor: Actor, id: string, input: TProjectUpdateRequest, expectedVersion?: number) {
      authorizeRecord(actor, "update");
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        if (expectedVersion !== undefined && before.version !== expectedVersion) {
          throw new AppError(
            "version_conflict",
            `The project changed meanwhile (now version ${before.version}).`,
          );
        }
        await validate(tx, actor, input);
        const values: Partial<repo.ProjectInsert> = {};
        for (const key of [
          "name",
          "description",
          "companyId",
          "ownerId",
          "startDate",
          "deadline",
          "status",
        ] as const) {
          if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
        }
        if (input.memberIds !== undefined) values.memberIds = [...new Set(input.memberIds)];
        const row = await repo.updateProject(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: before.version,
          values,
        });
        if (!row)
          throw new AppError("version_conflict", "The project changed meanwhile; reload and try again.");
        const after = await load(tx, actor, id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "project",
          recordId: id,
          action: "update",
          changes: diffRecords({ ...before, openTaskCount: null }, { ...after, openTaskCount: null }),
        });
        return after;
      });
    },

    /**
     * Replaces the milestone list. The list has its own version (`milestonesVersion`, decision
     * 0017), so saving milestones never makes a details edit stale, nor the other way round: a
     * stale `If-Match` gets 412 and changes nothing; the same list again writes nothing.
     */
    async replaceMilestones(
      actor: Actor,
      id: string,
      milestones: MilestoneInput[],
      expectedVersion?: number,
    ) {
      authorizeRecord(actor, "update");
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        if (expectedVersion !== undefined && before.milestonesVersion !== expectedVersion) {
          throw new AppError(
            "version_conflict",
            `The milestones changed meanwhile (now version ${before.milestonesVersion}).`,
          );
        }
        if (sameMilestones(before.milestones, milestones)) return before;
        const row = await repo.bumpMilestonesVersion(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: before.milestonesVersion,
        });
        if (!row)
          throw new AppError("version_conflict", "The milestones changed meanwhile; reload and try again.");
        await repo.replaceMilestones(tx, { workspaceId: actor.workspaceId, projectId: id, milestones });
        const after = await load(tx, actor, id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "project",
          recordId: id,
          action: "update",
          changes: { milestones: { old: before.milestones, new: after.milestones } },
        });
        return after;
      });
    },

    /** Moves the project to the trash; its tasks keep pointing to it until it is purged. */
    async remove(actor: Actor, id: string) {
      authorizeRecord(actor, "delete");
      await db.transaction((tx) =>
        moveToTrash(tx, { actor, recordType: "project", id, notFound: "project_not_found" }),
      );
    },

    async restore(actor: Actor, id: string): Promise<TProject> {
      authorizeRecord(actor, "delete");
      return db.transaction(async (tx) => {
        await restoreFromTrash(tx, { actor, recordType: "project", id, notFound: "project_not_found" });
        return load(tx, actor, id);
      });
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
