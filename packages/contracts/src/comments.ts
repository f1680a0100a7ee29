import { z } from "zod";
import { listOf, ZRecordMeta } from "./common.ts";

export const COMMENTABLE_RECORD_TYPES = [
  "person",
  "company",
  "activity",
  "task",
  "appointment",
  "project",
  "document",
] as const;
export const ZCommentableRecordType = z.enum(COMMENTABLE_RECORD_TYPES);

/** Plain text; `@name` mentions a member by name (spaces removed) or by the local part of the email. */
export const ZCommentBody = z.string().trim().min(1).max(10_000);

export const ZCommentCreateRequest = z.strictObject({
  recordType: ZCommentableRecordType,
  recordId: z.uuid(),
  body: ZCommentBody,
});
export type TCommentCreateRequest = z.infer<typeof ZCommentCreateRequest>;
export const ZCommentUpdateRequest = z.strictObject({ body: ZCommentBody });

export const ZComment = ZRecordMeta.extend({
  recordType: ZCommentableRecordType,
  recordId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string().nullable(),
  body: z.string(),
  mentions: z.array(z.uuid()),
});
export type TComment = z.infer<typeof ZComment>;
export const ZCommentList = listOf(ZComment);
