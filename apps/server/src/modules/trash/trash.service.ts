import type { TrashRecordType, TTrashItem } from "@kontor/contracts";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import type { FileStorage } from "../../lib/file-storage.ts";
import type { Actor } from "../../lib/policy.ts";
import { recordChanges } from "../audit/audit.repository.ts";
import {
  deleteAttachedTo,
  deleteExpired,
  deleteExpiredPeopleAndCompanies,
  detachPurged,
  listTrash,
  type PurgedRecord,
} from "./trash.repository.ts";

export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Kinds whose purge is one statement each; people and companies keep their own below. */
const PLAIN_KINDS = ["activity", "task", "appointment", "project", "document", "comment"] as const;

const ZCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** The trash pages by (deletedAt, id), newest first: records deleted at the same moment are not skipped. */
function encodeCursor(item: { deletedAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([item.deletedAt, item.id])).toString("base64url");
}

function decodeCursor(cursor: string): { deletedAt: string; id: string } {
  try {
    const [deletedAt, id] = ZCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { deletedAt, id };
  } catch {
    throw new AppError("invalid_cursor", "The cursor is not valid; start again without it.", [
      { path: "cursor", message: "Malformed cursor", code: "malformed_cursor" },
    ]);
  }
}

/**
 * The trash: every deleted record (people, companies, activities, tasks, appointments, projects,
 * documents, comments), restorable for 30 days, then purged by the `trash-purge` job.
 */
export function createTrashService({ db, storage }: { db: Database; storage: FileStorage }) {
  return {
    async list(
      actor: Actor,
      options: { limit: number; before?: string | undefined; types?: TrashRecordType[] | undefined },
    ): Promise<{ data: TTrashItem[]; nextCursor: string | null }> {
      const before = options.before ? decodeCursor(options.before) : undefined;
      const rows = await listTrash(db, {
        workspaceId: actor.workspaceId,
        types: options.types,
        limit: options.limit + 1,
        before,
      });
      const page = rows.slice(0, options.limit).map((row) => ({
        ...row,
        purgeAt: new Date(Date.parse(row.deletedAt) + TRASH_RETENTION_DAYS * DAY_MS).toISOString(),
      }));
      return {
        data: page,
        nextCursor: rows.length > options.limit && page.length ? encodeCursor(page.at(-1)!) : null,
      };
    },

    /**
     * Deletes for good what has been in the trash longer than the retention, with what hangs on
     * it (record links, comments and documents on it, document versions and their files);
     * writes a purge audit entry for each record. Returns how many records were purged.
     */
    async purgeExpired(now = new Date()) {
      const cutoff = new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS);
      const storageKeys: string[] = [];
      const count = await db.transaction(async (tx) => {
        const { records, relations: purgedRelations } = await deleteExpiredPeopleAndCompanies(tx, cutoff);
        const purged: PurgedRecord[] = [...records];
        for (const kind of PLAIN_KINDS) {
          const result = await deleteExpired(tx, kind, cutoff);
          purged.push(...result.purged);
          storageKeys.push(...result.storageKeys);
        }
        // comments and documents on purged records go with them (and comments on those documents)
        for (let parents = purged; parents.length; ) {
          const attached = await deleteAttachedTo(tx, parents);
          purged.push(...attached.purged);
          storageKeys.push(...attached.storageKeys);
          parents = attached.purged;
        }
        await detachPurged(tx, purged);
        await recordChanges(
          tx,
          [...purged, ...purgedRelations].map((row) => ({
            workspaceId: row.workspaceId,
            recordType: row.recordType,
            recordId: row.id,
            action: "purge" as const,
            actorId: null,
            changes: {},
          })),
        );
        return purged.length;
      });
      // files go once their rows are gone for good; a file that fails to go is only wasted space
      for (const key of storageKeys) await storage.delete(key).catch(() => undefined);
      return count;
    },
  };
}

export type TrashService = ReturnType<typeof createTrashService>;
