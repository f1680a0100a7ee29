import { createHash } from "node:crypto";
import type { TDocument } from "@kontor/contracts";
import { sql } from "drizzle-orm";
import { extractText } from "unpdf";
import { uuidv7 } from "uuidv7";
import type { Database } from "../../db/client.ts";
import { documents } from "../../db/schema/index.ts";
import { AppError, noSuchRecord } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import type { FileStorage } from "../../lib/file-storage.ts";
import { type FieldSpec, type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { recordExists } from "../record-links/record-links.repository.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import * as repo from "./documents.repository.ts";
import { checkFileContent, isPreviewable } from "./file-check.ts";

const MAX_TEXT = 200_000;

const FIELDS: Record<string, FieldSpec> = {
  id: { expr: sql`${documents.id}`, kind: "uuid", nullable: false },
  name: { expr: sql`${documents.name}`, kind: "text", nullable: false },
  recordType: { expr: sql`${documents.recordType}`, kind: "text", nullable: false },
  recordId: { expr: sql`${documents.recordId}`, kind: "uuid", nullable: false },
  contentType: { expr: sql`${documents.contentType}`, kind: "text", nullable: false },
  size: { expr: sql`${documents.size}`, kind: "number", nullable: false },
  createdAt: { expr: sql`${documents.createdAt}`, kind: "timestamp", nullable: false },
  updatedAt: { expr: sql`${documents.updatedAt}`, kind: "timestamp", nullable: false },
};

export function presentDocument(row: repo.DocumentRow): TDocument {
  return {
    id: row.id,
    recordType: row.recordType as TDocument["recordType"],
    recordId: row.recordId,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    currentVersion: row.currentVersion,
    previewable: isPreviewable(row.contentType),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
  };
}

async function pdfText(data: Buffer): Promise<string | null> {
  try {
    const { text } = await extractText(new Uint8Array(data), { mergePages: true });
    return String(text).slice(0, MAX_TEXT);
  } catch {
    return null;
  }
}

/** A stored file: checked by content, hashed, written to storage before its row commits. */
async function prepareFile(storage: FileStorage, workspaceId: string, name: string, data: Buffer) {
  if (data.length === 0) {
    throw new AppError("validation_failed", "The file is empty.", [
      { path: "body", message: "Send the file's bytes", code: "file_required" },
    ]);
  }
  const check = await checkFileContent(name, data);
  if (!check.ok) throw new AppError("unsupported_media_type", check.reason);
  const storageKey = `${workspaceId}/${uuidv7()}`;
  await storage.put(storageKey, data);
  return {
    storageKey,
    contentType: check.contentType,
    size: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
    textContent: check.contentType === "application/pdf" ? await pdfText(data) : null,
  };
}

export function createDocumentsService({ db, storage }: { db: Database; storage: FileStorage }) {
  /** A document the actor may see: its own workspace and a record that still exists there. */
  async function visible(actor: Actor, id: string) {
    const row = await repo.findDocumentById(db, actor.workspaceId, id);
    if (!row || !(await recordExists(db, actor.workspaceId, row.recordType, row.recordId))) {
      throw new AppError("document_not_found", "No such document.");
    }
    return row;
  }

  return {
    async list(actor: Actor, request: ListRequest & { q?: string | undefined }) {
      authorizeRecord(actor, "read");
      const search = request.q?.trim();
      const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const plan = planList({
        request,
        idExpr: sql`${documents.id}`,
        defaultSort: "-createdAt",
        resolveField: (name) => FIELDS[name],
        extraConditions: pattern
          ? [sql`(${documents.name} ILIKE ${pattern} OR ${documents.textContent} ILIKE ${pattern})`]
          : [],
      });
      const page = pageOf(await repo.listDocuments(db, actor.workspaceId, plan), plan);
      return { data: page.rows.map(presentDocument), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string) {
      authorizeRecord(actor, "read");
      return presentDocument(await visible(actor, id));
    },

    async upload(actor: Actor, input: { recordType: string; recordId: string; name: string; data: Buffer }) {
      authorizeRecord(actor, "create");
      if (!(await recordExists(db, actor.workspaceId, input.recordType, input.recordId))) {
        throw new AppError("validation_failed", "The record does not exist.", [
          noSuchRecord("recordId", input.recordType),
        ]);
      }
      const file = await prepareFile(storage, actor.workspaceId, input.name, input.data);
      try {
        return await db.transaction(async (tx) => {
          const row = await repo.insertDocument(tx, {
            workspaceId: actor.workspaceId,
            createdBy: actor.userId,
            recordType: input.recordType,
            recordId: input.recordId,
            name: input.name,
            contentType: file.contentType,
            size: file.size,
            currentVersion: 1,
            textContent: file.textContent,
          });
          await repo.insertVersion(tx, {
            workspaceId: actor.workspaceId,
            documentId: row.id,
            version: 1,
            name: input.name,
            storageKey: file.storageKey,
            contentType: file.contentType,
            size: file.size,
            sha256: file.sha256,
            createdBy: actor.userId,
          });
          const document = presentDocument(row);
          await recordChange(tx, {
            workspaceId: actor.workspaceId,
            actorId: actor.userId,
            recordType: "document",
            recordId: row.id,
            action: "create",
            changes: diffRecords(null, document),
          });
          return document;
        });
      } catch (error) {
        await storage.delete(file.storageKey).catch(() => undefined);
        throw error;
      }
    },

    /** Uploads a new version; the document shows it from then on, older versions stay downloadable. */
    async addVersion(actor: Actor, id: string, input: { name?: string | undefined; data: Buffer }) {
      authorizeRecord(actor, "update");
      const existing = await visible(actor, id);
      const name = input.name ?? existing.name;
      const file = await prepareFile(storage, actor.workspaceId, name, input.data);
      try {
        return await db.transaction(async (tx) => {
          const next = existing.currentVersion + 1;
          const row = await repo.updateDocument(tx, {
            workspaceId: actor.workspaceId,
            id,
            expectedVersion: existing.version,
            values: {
              name,
              contentType: file.contentType,
              size: file.size,
              currentVersion: next,
              textContent: file.textContent,
            },
          });
          if (!row) throw new AppError("version_conflict", "The document changed meanwhile; try again.");
          await repo.insertVersion(tx, {
            workspaceId: actor.workspaceId,
            documentId: id,
            version: next,
            name,
            storageKey: file.storageKey,
            contentType: file.contentType,
            size: file.size,
            sha256: file.sha256,
            createdBy: actor.userId,
          });
          const document = presentDocument(row);
          await recordChange(tx, {
            workspaceId: actor.workspaceId,
            actorId: actor.userId,
            recordType: "document",
            recordId: id,
            action: "update",
            changes: diffRecords(presentDocument(existing), document),
          });
          return document;
        });
      } catch (error) {
        await storage.delete(file.storageKey).catch(() => undefined);
        throw error;
      }
    },

    async versions(actor: Actor, id: string) {
      authorizeRecord(actor, "read");
      await visible(actor, id);
      return (await repo.findVersions(db, actor.workspaceId, id)).map((row) => ({
        version: row.version,
        name: row.name,
        contentType: row.contentType,
        size: row.size,
        sha256: row.sha256,
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
      }));
    },

    /** The bytes of a version (default: current) after the permission check on its record. */
    async content(
      actor: Actor,
      id: string,
      options: { version?: number | undefined; preview?: boolean } = {},
    ) {
      authorizeRecord(actor, "read");
      const row = await visible(actor, id);
      const version = await repo.findVersion(
        db,
        actor.workspaceId,
        id,
        options.version ?? row.currentVersion,
      );
      if (!version) throw new AppError("document_not_found", "No such version.");
      if (options.preview && !isPreviewable(version.contentType)) {
        throw new AppError("unsupported_media_type", "Only images and PDFs have a preview.");
      }
      return {
        name: version.name,
        contentType: version.contentType,
        data: await storage.get(version.storageKey),
      };
    },

    /** Moves the document with all its versions to the trash; the files stay until it is purged. */
    async remove(actor: Actor, id: string) {
      authorizeRecord(actor, "delete");
      await visible(actor, id);
      await db.transaction((tx) =>
        moveToTrash(tx, { actor, recordType: "document", id, notFound: "document_not_found" }),
      );
    },

    async restore(actor: Actor, id: string): Promise<TDocument> {
      authorizeRecord(actor, "delete");
      const row = await db.transaction(async (tx) => {
        await restoreFromTrash(tx, { actor, recordType: "document", id, notFound: "document_not_found" });
        return repo.findDocumentById(tx, actor.workspaceId, id);
      });
      return presentDocument(row!);
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
