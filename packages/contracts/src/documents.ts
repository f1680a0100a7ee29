import { z } from "zod";
import { ZCommentableRecordType } from "./comments.ts";
import { listOf, ZRecordMeta } from "./common.ts";

/** 25 MiB per file by default (KONTOR_MAX_UPLOAD_BYTES changes it). */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

export const ZDocument = ZRecordMeta.extend({
  recordType: ZCommentableRecordType,
  recordId: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.int(),
  currentVersion: z.int(),
  previewable: z.boolean(),
});
export type TDocument = z.infer<typeof ZDocument>;
export const ZDocumentList = listOf(ZDocument);

export const ZDocumentVersion = z.object({
  version: z.int(),
  name: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});

export const ZDocumentUploadQuery = z.object({
  recordType: ZCommentableRecordType,
  recordId: z.uuid(),
  name: z.string().trim().min(1).max(255),
});
