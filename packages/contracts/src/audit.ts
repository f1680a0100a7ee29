import { z } from "zod";

export const AUDIT_ACTIONS = ["create", "update", "delete", "restore", "purge", "merge"] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);

export const ZAuditChange = z.object({ old: z.unknown(), new: z.unknown() });

export const ZAuditEntry = z.object({
  id: z.uuid(),
  recordType: z.string(),
  recordId: z.uuid(),
  action: ZAuditAction,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), ZAuditChange),
  createdAt: z.iso.datetime(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** Every kind of record that goes to the trash when deleted (restorable for 30 days). */
export const TRASH_RECORD_TYPES = [
  "person",
  "company",
  "activity",
  "task",
  "appointment",
  "project",
  "document",
  "comment",
] as const;
export const ZTrashRecordType = z.enum(TRASH_RECORD_TYPES);
export type TrashRecordType = z.infer<typeof ZTrashRecordType>;

export const ZTrashItem = z.object({
  recordType: ZTrashRecordType,
  id: z.uuid(),
  name: z.string(),
  deletedAt: z.iso.datetime(),
  deletedBy: z.uuid().nullable(),
  purgeAt: z.iso.datetime(),
});
export type TTrashItem = z.infer<typeof ZTrashItem>;
