import { isDeepStrictEqual } from "node:util";
import type { TMerge } from "@kontor/contracts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client.ts";
import { companies, merges, people } from "../../db/schema/index.ts";
import { AppError, validationFailed } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { companySearchText, personSearchText } from "../../lib/search-text.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { presentCompany } from "../companies/companies.presenter.ts";
import { presentPerson } from "../people/people.presenter.ts";
import { type MovedReference, moveReferences, restoreReferences } from "../records/record-references.ts";

export const MERGE_UNDO_DAYS = 30;
type MergeObject = "person" | "company";
type Row = Record<string, unknown>;

const union = (a: unknown, b: unknown) => [
  ...new Set([...((a as string[]) ?? []), ...((b as string[]) ?? [])]),
];
const fill = (survivor: unknown, merged: unknown) =>
  survivor === null || survivor === undefined || survivor === "" ? merged : survivor;

/** The survivor's values after absorbing the merged record: its own values win, gaps are filled. */
function mergedValues(object: MergeObject, survivor: Row, merged: Row): Row {
  const values: Row = {};
  const scalars =
    object === "person"
      ? ["firstName", "lastName", "email", "phone", "jobTitle", "companyId", "address", "birthday", "ownerId"]
      : [
          "domain",
          "industry",
          "employeeCount",
          "annualRevenueAmount",
          "annualRevenueCurrency",
          "address",
          "phone",
          "website",
          "ownerId",
        ];
  for (const key of scalars) values[key] = fill(survivor[key], merged[key]);
  values.tags = union(survivor.tags, merged.tags);
  values.customFields = { ...(merged.customFields as Row), ...(survivor.customFields as Row) };
  if (object === "person") {
    const emails = union(survivor.additionalEmails, merged.additionalEmails);
    if (merged.email && merged.email !== values.email) emails.push(merged.email as string);
    values.additionalEmails = [...new Set(emails)].filter((email) => email !== values.email);
    const phones = union(survivor.additionalPhones, merged.additionalPhones);
    if (merged.phone && merged.phone !== values.phone) phones.push(merged.phone as string);
    values.additionalPhones = [...new Set(phones)].filter((phone) => phone !== values.phone);
    values.searchText = personSearchText(values as never);
  } else {
    values.relationshipTypes = union(survivor.relationshipTypes, merged.relationshipTypes);
    values.searchText = companySearchText({ ...(survivor as Row), ...values } as never);
  }
  return values;
}

const DATE_KEYS = ["createdAt", "updatedAt", "deletedAt"];
function revive(row: Row): Row {
  const copy = { ...row };
  for (const key of DATE_KEYS) if (typeof copy[key] === "string") copy[key] = new Date(copy[key] as string);
  return copy;
}

function presentMerge(row: typeof merges.$inferSelect): TMerge {
  const moved = ((row.snapshot.moved as MovedReference[]) ?? []).reduce<Record<string, number>>(
    (acc, entry) => {
      acc[entry.table] = (acc[entry.table] ?? 0) + entry.keys.length + entry.removed.length;
      return acc;
    },
    {},
  );
  return {
    id: row.id,
    object: row.object as MergeObject,
    survivorId: row.survivorId,
    mergedId: row.mergedId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoUntil: new Date(row.createdAt.getTime() + MERGE_UNDO_DAYS * 86_400_000).toISOString(),
    moved,
  };
}

/** Merge two people or two companies into one, and undo it within 30 days. */
export function createMergeService({ db }: { db: Database }) {
  const tableOf = (object: MergeObject) => (object === "person" ? people : companies);
  const present = (object: MergeObject, row: never) =>
    object === "person" ? presentPerson(row) : presentCompany(row);

  async function loadPair(tx: Transaction, actor: Actor, object: MergeObject, ids: string[]) {
    const table = tableOf(object);
    const rows = (await tx
      .select()
      .from(table)
      .where(and(eq(table.workspaceId, actor.workspaceId), inArray(table.id, ids), isNull(table.deletedAt)))
      .for("update")) as Row[];
    return ids.map((id) => rows.find((row) => row.id === id));
  }

  return {
    async merge(actor: Actor, input: { object: MergeObject; survivorId: string; mergedId: string }) {
      authorizeRecord(actor, "update");
      authorizeRecord(actor, "delete");
      if (input.survivorId === input.mergedId)
        throw validationFailed([
          { path: "mergedId", message: "Choose two different records", code: "different_records_required" },
        ]);
      const table = tableOf(input.object);
      return db.transaction(async (tx) => {
        const [survivor, merged] = await loadPair(tx, actor, input.object, [
          input.survivorId,
          input.mergedId,
        ]);
        const notFound = input.object === "person" ? "person_not_found" : "company_not_found";
        if (!survivor || !merged) throw new AppError(notFound, "Both records must exist in this workspace.");
        const values = mergedValues(input.object, survivor, merged);
        const moved = await moveReferences(tx, {
          workspaceId: actor.workspaceId,
          type: input.object,
          fromId: input.mergedId,
          toId: input.survivorId,
        });
        await tx
          .delete(table)
          .where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, input.mergedId)));
        const [updated] = (await tx
          .update(table)
          .set({ ...values, updatedAt: new Date(), version: (survivor.version as number) + 1 } as never)
          .where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, input.survivorId)))
          .returning()) as Row[];
        const changes = diffRecords(
          present(input.object, survivor as never),
          present(input.object, updated as never),
        );
        const [mergeRow] = await tx
          .insert(merges)
          .values({
            workspaceId: actor.workspaceId,
            object: input.object,
            survivorId: input.survivorId,
            mergedId: input.mergedId,
            createdBy: actor.userId,
            snapshot: {
              merged,
              survivorBefore: survivor,
              changedFields: Object.keys(values),
              survivorAfter: updated,
              moved,
            },
          })
          .returning();
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: input.object,
          recordId: input.survivorId,
          action: "merge",
          changes: { ...changes, mergedId: { old: null, new: input.mergedId } },
        });
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: input.object,
          recordId: input.mergedId,
          action: "merge",
          changes: { mergedInto: { old: null, new: input.survivorId } },
        });
        return { merge: presentMerge(mergeRow!), survivor: present(input.object, updated as never) };
      });
    },

    async list(actor: Actor, recordId: string) {
      authorizeRecord(actor, "read");
      const rows = await db
        .select()
        .from(merges)
        .where(and(eq(merges.workspaceId, actor.workspaceId), eq(merges.survivorId, recordId)));
      return rows.map(presentMerge);
    },

    /** Restores the merged record with its id, moves back what moved, and reverts untouched survivor fields. */
    async undo(actor: Actor, id: string, now = new Date()) {
      authorizeRecord(actor, "update");
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(merges)
          .where(and(eq(merges.workspaceId, actor.workspaceId), eq(merges.id, id)))
          .for("update");
        if (!row) throw new AppError("merge_not_found", "No such merge.");
        if (row.undoneAt) throw new AppError("conflict", "This merge was already undone.");
        if (now.getTime() - row.createdAt.getTime() > MERGE_UNDO_DAYS * 86_400_000) {
          throw new AppError("conflict", `A merge can be undone for ${MERGE_UNDO_DAYS} days.`);
        }
        const object = row.object as MergeObject;
        const table = tableOf(object);
        const snapshot = row.snapshot as {
          merged: Row;
          survivorBefore: Row;
          survivorAfter: Row;
          changedFields: string[];
          moved: MovedReference[];
        };
        const [current] = (await tx
          .select()
          .from(table)
          .where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, row.survivorId)))
          .for("update")) as Row[];
        if (!current)
          throw new AppError(
            "conflict",
            "The surviving record no longer exists; restore it from the trash first.",
          );
        await tx.insert(table).values(revive(snapshot.merged) as never);
        await restoreReferences(tx, {
          workspaceId: actor.workspaceId,
          fromId: row.mergedId,
          moved: snapshot.moved,
        });
        const revert: Row = {};
        for (const field of snapshot.changedFields) {
          // Only fields nobody changed since the merge go back; later edits are kept.
          if (isDeepStrictEqual(current[field], snapshot.survivorAfter[field]))
            revert[field] = snapshot.survivorBefore[field];
        }
        const [restoredSurvivor] = (await tx
          .update(table)
          .set({ ...revert, updatedAt: new Date(), version: (current.version as number) + 1 } as never)
          .where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, row.survivorId)))
          .returning()) as Row[];
        const [undone] = await tx.update(merges).set({ undoneAt: now }).where(eq(merges.id, id)).returning();
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: object,
          recordId: row.mergedId,
          action: "restore",
          changes: { mergedInto: { old: row.survivorId, new: null } },
        });
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: object,
          recordId: row.survivorId,
          action: "update",
          changes: diffRecords(present(object, current as never), present(object, restoredSurvivor as never)),
        });
        return presentMerge(undone!);
      });
    },
  };
}

export type MergeService = ReturnType<typeof createMergeService>;
