import type { FieldError, RecordType, TRelation, TRelationCreateRequest } from "@kontor/contracts";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { companies, people, relations, workspaces } from "../../db/schema/index.ts";
import { AppError, noSuchRecord, validationFailed } from "../../errors/app-error.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { displayNameOf } from "../people/people.presenter.ts";

async function namesOf(db: Executor, workspaceId: string, refs: { type: RecordType; id: string }[]) {
  const personIds = refs.filter((ref) => ref.type === "person").map((ref) => ref.id);
  const companyIds = refs.filter((ref) => ref.type === "company").map((ref) => ref.id);
  const names = new Map<string, string>();
  if (personIds.length) {
    const rows = await db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
      .from(people)
      .where(
        and(eq(people.workspaceId, workspaceId), inArray(people.id, personIds), isNull(people.deletedAt)),
      );
    for (const row of rows) names.set(row.id, displayNameOf(row));
  }
  if (companyIds.length) {
    const rows = await db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(
        and(
          eq(companies.workspaceId, workspaceId),
          inArray(companies.id, companyIds),
          isNull(companies.deletedAt),
        ),
      );
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

function present(row: typeof relations.$inferSelect, names: Map<string, string>): TRelation {
  return {
    id: row.id,
    from: { type: row.fromType as RecordType, id: row.fromId, name: names.get(row.fromId) ?? null },
    to: { type: row.toType as RecordType, id: row.toId, name: names.get(row.toId) ?? null },
    label: row.label,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

/** Labelled relations between any two people or companies (labels configured per workspace). */
export function createRelationsService({ db }: { db: Database }) {
  return {
    async list(actor: Actor, recordId: string) {
      authorizeRecord(actor, "read");
      const rows = await db
        .select()
        .from(relations)
        .where(
          and(
            eq(relations.workspaceId, actor.workspaceId),
            or(eq(relations.fromId, recordId), eq(relations.toId, recordId)),
          ),
        )
        .orderBy(desc(relations.createdAt))
        .limit(500);
      const names = await namesOf(
        db,
        actor.workspaceId,
        rows.flatMap((row) => [
          { type: row.fromType as RecordType, id: row.fromId },
          { type: row.toType as RecordType, id: row.toId },
        ]),
      );
      // A relation whose other side is in the trash is hidden until that record is restored.
      return rows
        .filter((row) => names.has(row.fromId) && names.has(row.toId))
        .map((row) => present(row, names));
    },

    async create(actor: Actor, input: TRelationCreateRequest) {
      authorizeRecord(actor, "create");
      const [workspace] = await db
        .select({ settings: workspaces.settings })
        .from(workspaces)
        .where(eq(workspaces.id, actor.workspaceId));
      const errors: FieldError[] = [];
      if (!workspace?.settings.relationLabels.some((label) => label.key === input.label)) {
        errors.push({
          path: "label",
          message: `Unknown relation label "${input.label}"`,
          code: "invalid_value",
        });
      }
      if (input.from.id === input.to.id)
        errors.push({ path: "to.id", message: "A record cannot relate to itself", code: "self_relation" });
      const names = await namesOf(db, actor.workspaceId, [input.from, input.to]);
      if (!names.has(input.from.id)) errors.push(noSuchRecord("from.id", input.from.type));
      if (!names.has(input.to.id)) errors.push(noSuchRecord("to.id", input.to.type));
      if (errors.length) throw validationFailed(errors);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(relations)
          .values({
            workspaceId: actor.workspaceId,
            createdBy: actor.userId,
            fromType: input.from.type,
            fromId: input.from.id,
            toType: input.to.type,
            toId: input.to.id,
            label: input.label,
            note: input.note ?? null,
          })
          .returning();
        const relation = present(row!, names);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "relation",
          recordId: row!.id,
          action: "create",
          changes: {
            label: { old: null, new: input.label },
            from: { old: null, new: input.from },
            to: { old: null, new: input.to },
          },
        });
        return relation;
      });
    },

    async remove(actor: Actor, id: string) {
      authorizeRecord(actor, "delete");
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(relations)
          .where(and(eq(relations.workspaceId, actor.workspaceId), eq(relations.id, id)))
          .returning();
        if (!row) throw new AppError("relation_not_found", "No such relation.");
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "relation",
          recordId: id,
          action: "delete",
          changes: { label: { old: row.label, new: null } },
        });
      });
    },
  };
}

export type RelationsService = ReturnType<typeof createRelationsService>;
