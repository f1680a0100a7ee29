import type {
  FieldError,
  FilterOperator,
  TSegment,
  TSegmentCondition,
  TSegmentCreateRequest,
  TSegmentDefinition,
} from "@kontor/contracts";
import { and, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { companies, people } from "../../db/schema/index.ts";
import { AppError, validationFailed } from "../../errors/app-error.ts";
import { buildCondition, type FieldSpec, type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { presentCompany } from "../companies/companies.presenter.ts";
import { presentPerson } from "../people/people.presenter.ts";
import { loadWriteContext } from "../records/record-support.ts";
import { companySegmentResolver, personSegmentResolver } from "./segment-fields.ts";
import * as repo from "./segments.repository.ts";

type SegmentObject = "person" | "company";

function present(row: repo.SegmentRow): TSegment {
  return {
    id: row.id,
    object: row.object as SegmentObject,
    name: row.name,
    kind: row.kind as "dynamic" | "static",
    definition: (row.definition as TSegmentDefinition | null) ?? null,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
  };
}

/**
 * Compiles a definition into one SQL condition. Every problem is reported with its path
 * (`definition.conditions.1.conditions.0.field`) before anything runs.
 */
export function compileDefinition(
  definition: TSegmentDefinition,
  resolve: (name: string) => FieldSpec | undefined,
): SQL {
  const errors: FieldError[] = [];
  const compileCondition = (condition: TSegmentCondition, path: string): SQL | undefined => {
    const spec = resolve(condition.field);
    if (!spec) {
      errors.push({ path: `${path}.field`, message: `Unknown field "${condition.field}"` });
      return undefined;
    }
    try {
      return buildCondition(spec, condition.op as FilterOperator, condition.value, `${path}.value`);
    } catch (error) {
      if (error instanceof AppError) {
        errors.push(...(error.errors ?? [{ path: `${path}.value`, message: error.message }]));
        return undefined;
      }
      throw error;
    }
  };
  const combine = (match: "all" | "any", parts: (SQL | undefined)[]) =>
    match === "all" ? and(...parts) : or(...parts);
  const compiled = combine(
    definition.match,
    definition.conditions.map((item, index) => {
      const path = `definition.conditions.${index}`;
      if ("conditions" in item) {
        return combine(
          item.match,
          item.conditions.map((inner, innerIndex) =>
            compileCondition(inner, `${path}.conditions.${innerIndex}`),
          ),
        );
      }
      return compileCondition(item, path);
    }),
  );
  if (errors.length) throw validationFailed(errors, "The segment definition is not valid.");
  return compiled ?? sql`true`;
}

/** Segments: saved dynamic filters or static lists over people or companies. */
export function createSegmentsService({ db }: { db: Database }) {
  async function resolverFor(workspaceId: string, object: SegmentObject) {
    const { definitions } = await loadWriteContext(db, workspaceId, object);
    return object === "person" ? personSegmentResolver(definitions) : companySegmentResolver(definitions);
  }

  async function conditionOf(actor: Actor, segment: repo.SegmentRow): Promise<SQL> {
    const object = segment.object as SegmentObject;
    if (segment.kind === "static") {
      return repo.staticMembership(
        segment.id,
        object === "person" ? sql`${people.id}` : sql`${companies.id}`,
      );
    }
    return compileDefinition(
      segment.definition as TSegmentDefinition,
      await resolverFor(actor.workspaceId, object),
    );
  }

  async function getRow(actor: Actor, id: string) {
    const row = await repo.findSegment(db, actor.workspaceId, id);
    if (!row) throw new AppError("segment_not_found", "No such segment.");
    return row;
  }

  async function count(actor: Actor, object: SegmentObject, condition: SQL) {
    return object === "person"
      ? repo.countPeopleWhere(db, actor.workspaceId, condition)
      : repo.countCompaniesWhere(db, actor.workspaceId, condition);
  }

  return {
    async list(actor: Actor, object?: SegmentObject) {
      authorizeRecord(actor, "read");
      return (await repo.findSegments(db, actor.workspaceId, object)).map(present);
    },

    async get(actor: Actor, id: string) {
      authorizeRecord(actor, "read");
      return present(await getRow(actor, id));
    },

    async create(actor: Actor, input: TSegmentCreateRequest) {
      authorizeRecord(actor, "create");
      const definition = input.kind === "dynamic" ? input.definition! : null;
      if (definition) compileDefinition(definition, await resolverFor(actor.workspaceId, input.object));
      return db.transaction(async (tx) => {
        const row = await repo.insertSegment(tx, {
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
          object: input.object,
          name: input.name,
          kind: input.kind,
          definition,
          description: input.description ?? null,
        });
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "segment",
          recordId: row.id,
          action: "create",
          changes: { name: { old: null, new: row.name } },
        });
        return present(row);
      });
    },

    async update(
      actor: Actor,
      id: string,
      input: {
        name?: string | undefined;
        definition?: TSegmentDefinition | undefined;
        description?: string | null | undefined;
      },
    ) {
      authorizeRecord(actor, "update");
      const existing = await getRow(actor, id);
      if (input.definition) {
        if (existing.kind === "static")
          throw validationFailed([
            {
              path: "definition",
              message: "A static segment has members, not a definition",
              code: "static_segment_only",
            },
          ]);
        compileDefinition(
          input.definition,
          await resolverFor(actor.workspaceId, existing.object as SegmentObject),
        );
      }
      return db.transaction(async (tx) => {
        const row = await repo.updateSegment(tx, actor.workspaceId, id, input);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "segment",
          recordId: id,
          action: "update",
          changes: {
            definition: { old: existing.definition, new: row!.definition },
            name: { old: existing.name, new: row!.name },
          },
        });
        return present(row!);
      });
    },

    async remove(actor: Actor, id: string) {
      authorizeRecord(actor, "delete");
      await db.transaction(async (tx) => {
        if (!(await repo.deleteSegment(tx, actor.workspaceId, id)))
          throw new AppError("segment_not_found", "No such segment.");
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "segment",
          recordId: id,
          action: "delete",
          changes: {},
        });
      });
    },

    async count(actor: Actor, id: string) {
      authorizeRecord(actor, "read");
      const segment = await getRow(actor, id);
      return {
        count: await count(actor, segment.object as SegmentObject, await conditionOf(actor, segment)),
      };
    },

    /** The live count of a definition before it is saved (the builder's counter). */
    async preview(actor: Actor, object: SegmentObject, definition: TSegmentDefinition) {
      authorizeRecord(actor, "read");
      const condition = compileDefinition(definition, await resolverFor(actor.workspaceId, object));
      return { count: await count(actor, object, condition) };
    },

    /** Members with the list conventions (filters, sort, cursor) on top of the segment. */
    async members(actor: Actor, id: string, request: ListRequest) {
      authorizeRecord(actor, "read");
      const segment = await getRow(actor, id);
      const object = segment.object as SegmentObject;
      const condition = await conditionOf(actor, segment);
      const resolveField = await resolverFor(actor.workspaceId, object);
      if (object === "person") {
        const plan = planList({
          request,
          idExpr: sql`${people.id}`,
          defaultSort: "-createdAt",
          resolveField,
        });
        const page = pageOf(await repo.listPeopleWhere(db, actor.workspaceId, condition, plan), plan);
        return { object, data: page.rows.map(presentPerson), nextCursor: page.nextCursor };
      }
      const plan = planList({
        request,
        idExpr: sql`${companies.id}`,
        defaultSort: "-createdAt",
        resolveField,
      });
      const page = pageOf(await repo.listCompaniesWhere(db, actor.workspaceId, condition, plan), plan);
      return { object, data: page.rows.map(presentCompany), nextCursor: page.nextCursor };
    },

    async addMembers(actor: Actor, id: string, ids: string[]) {
      authorizeRecord(actor, "update");
      const segment = await getRow(actor, id);
      if (segment.kind !== "static")
        throw validationFailed([
          { path: "ids", message: "Only a static segment takes members", code: "static_segment_only" },
        ]);
      const added = await repo.addStaticMembers(db, {
        workspaceId: actor.workspaceId,
        segmentId: id,
        object: segment.object,
        ids,
      });
      const unknown = ids.filter((candidate) => !added.includes(candidate));
      if (unknown.length)
        throw validationFailed(
          unknown.map((value) => ({
            path: `ids.${ids.indexOf(value)}`,
            message: `No such ${segment.object}`,
          })),
          "Some ids were not added.",
        );
      return this.count(actor, id);
    },

    async removeMembers(actor: Actor, id: string, ids: string[]) {
      authorizeRecord(actor, "update");
      const segment = await getRow(actor, id);
      if (segment.kind !== "static")
        throw validationFailed([
          {
            path: "ids",
            message: "Only a static segment has members to remove",
            code: "static_segment_only",
          },
        ]);
      await repo.removeStaticMembers(db, { workspaceId: actor.workspaceId, segmentId: id, ids });
      return this.count(actor, id);
    },
  };
}

export type SegmentsService = ReturnType<typeof createSegmentsService>;
