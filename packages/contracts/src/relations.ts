import { z } from "zod";

export const RECORD_TYPES = ["person", "company"] as const;
export const ZRecordType = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof ZRecordType>;

export const ZRecordRef = z.strictObject({ type: ZRecordType, id: z.uuid() });

export const ZRelationCreateRequest = z.strictObject({
  from: ZRecordRef,
  to: ZRecordRef,
  label: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use a configured relation label key"),
  note: z.string().max(500).nullish(),
});
export type TRelationCreateRequest = z.infer<typeof ZRelationCreateRequest>;

export const ZRelation = z.object({
  id: z.uuid(),
  from: z.object({ type: ZRecordType, id: z.uuid(), name: z.string().nullable() }),
  to: z.object({ type: ZRecordType, id: z.uuid(), name: z.string().nullable() }),
  label: z.string(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid().nullable(),
});
export type TRelation = z.infer<typeof ZRelation>;
