import type { TTrashItem } from "@kontor/contracts";
import { and, inArray, isNotNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { companies, people, relations } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../lib/policy.ts";
import { recordChanges } from "../audit/audit.repository.ts";
import { listDeletedCompanies } from "../companies/companies.repository.ts";
import { displayNameOf } from "../people/people.presenter.ts";
import { listDeletedPeople } from "../people/people.repository.ts";

export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

const ZCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** The trash pages by (deletedAt, id), newest first: records deleted at the same moment are not skipped. */
function encodeCursor(item: { deletedAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([item.deletedAt, item.id])).toString("base64url");
}

function decodeCursor(cursor: string): { deletedAt: Date; id: string } {
  try {
    const [deletedAt, id] = ZCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { deletedAt: new Date(deletedAt), id };
  } catch {
    throw new AppError("invalid_cursor", "The cursor is not valid; start again without it.", [
      { path: "cursor", message: "Malformed cursor" },
    ]);
  }
}

/** The trash: deleted people and companies, restorable for 30 days, then purged by a job. */
export function createTrashService({ db }: { db: Database }) {
  return {
    async list(
      actor: Actor,
      options: { limit: number; before?: string | undefined },
    ): Promise<{ data: TTrashItem[]; nextCursor: string | null }> {
      const before = options.before ? decodeCursor(options.before) : undefined;
      const [deletedPeople, deletedCompanies] = await Promise.all([
        listDeletedPeople(db, actor.workspaceId, options.limit + 1, before),
        listDeletedCompanies(db, actor.workspaceId, options.limit + 1, before),
      ]);
      const items: TTrashItem[] = [
        ...deletedPeople.map((row) => ({
          recordType: "person" as const,
          id: row.id,
          name: displayNameOf(row),
          deletedAt: row.deletedAt!,
          deletedBy: row.deletedBy,
        })),
        ...deletedCompanies.map((row) => ({
          recordType: "company" as const,
          id: row.id,
          name: row.name,
          deletedAt: row.deletedAt!,
          deletedBy: row.deletedBy,
        })),
      ]
        .sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((item) => ({
          ...item,
          deletedAt: item.deletedAt.toISOString(),
          purgeAt: new Date(item.deletedAt.getTime() + TRASH_RETENTION_DAYS * DAY_MS).toISOString(),
        }));
      const page = items.slice(0, options.limit);
      return {
        data: page,
        nextCursor: items.length > options.limit && page.length ? encodeCursor(page.at(-1)!) : null,
      };
    },

    /** Deletes for good what has been in the trash longer than the retention; returns how many. */
    async purgeExpired(now = new Date()) {
      const cutoff = new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS);
      return db.transaction(async (tx) => {
        const purgedPeople = await tx
          .delete(people)
          .where(and(isNotNull(people.deletedAt), lt(people.deletedAt, cutoff)))
          .returning({ id: people.id, workspaceId: people.workspaceId });
        const purgedCompanies = await tx
          .delete(companies)
          .where(and(isNotNull(companies.deletedAt), lt(companies.deletedAt, cutoff)))
          .returning({ id: companies.id, workspaceId: companies.workspaceId });
        const purgedIds = [...purgedPeople, ...purgedCompanies].map((row) => row.id);
        // relations have no foreign key to either side: remove those of purged records too
        const purgedRelations = purgedIds.length
          ? await tx
              .delete(relations)
              .where(or(inArray(relations.fromId, purgedIds), inArray(relations.toId, purgedIds)))
              .returning({ id: relations.id, workspaceId: relations.workspaceId })
          : [];
        const entries = [
          ...purgedPeople.map((row) => ({ ...row, recordType: "person" })),
          ...purgedCompanies.map((row) => ({ ...row, recordType: "company" })),
          ...purgedRelations.map((row) => ({ ...row, recordType: "relation" })),
        ];
        await recordChanges(
          tx,
          entries.map((row) => ({
            workspaceId: row.workspaceId,
            recordType: row.recordType,
            recordId: row.id,
            action: "purge" as const,
            actorId: null,
            changes: {},
          })),
        );
        return purgedPeople.length + purgedCompanies.length;
      });
    },
  };
}

export type TrashService = ReturnType<typeof createTrashService>;
