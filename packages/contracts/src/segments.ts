import { z } from "zod";
import { FILTER_OPERATORS, listOf } from "./common.ts";

export const ZSegmentCondition = z.strictObject({
  field: z.string().min(1).max(100),
  op: z.enum(FILTER_OPERATORS),
  value: z.string().max(1000),
});
export type TSegmentCondition = z.infer<typeof ZSegmentCondition>;

export const ZSegmentInnerGroup = z.strictObject({
  match: z.enum(["all", "any"]),
  conditions: z.array(ZSegmentCondition).min(1).max(30),
});

/** A segment definition: conditions (or one level of nested groups) matched by AND ("all") or OR ("any"). */
export const ZSegmentDefinition = z.strictObject({
  match: z.enum(["all", "any"]),
  conditions: z
    .array(z.union([ZSegmentCondition, ZSegmentInnerGroup]))
    .min(1)
    .max(30),
});
export type TSegmentDefinition = z.infer<typeof ZSegmentDefinition>;

export const ZSegmentObject = z.enum(["person", "company"]);

export const ZSegmentCreateRequest = z
  .strictObject({
    object: ZSegmentObject,
    name: z.string().trim().min(1).max(100),
    kind: z.enum(["dynamic", "static"]),
    definition: ZSegmentDefinition.nullish(),
    description: z.string().max(500).nullish(),
  })
  .refine((value) => value.kind === "static" || value.definition, {
    message: "A dynamic segment needs a definition",
    path: ["definition"],
  });
export type TSegmentCreateRequest = z.infer<typeof ZSegmentCreateRequest>;

export const ZSegmentUpdateRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  definition: ZSegmentDefinition.optional(),
  description: z.string().max(500).nullish(),
});

export const ZSegment = z.object({
  id: z.uuid(),
  object: ZSegmentObject,
  name: z.string(),
  kind: z.enum(["dynamic", "static"]),
  definition: ZSegmentDefinition.nullable(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: z.uuid().nullable(),
  version: z.int(),
});
export type TSegment = z.infer<typeof ZSegment>;

export const ZSegmentPreviewRequest = z.strictObject({
  object: ZSegmentObject,
  definition: ZSegmentDefinition,
});
export const ZSegmentCount = z.object({ count: z.int() });
export const ZSegmentMembersChange = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000) });
export const ZSegmentList = listOf(ZSegment);

/** Related fields a person segment can use besides the person's own fields. */
export const PERSON_SEGMENT_RELATED_FIELDS = [
  "company.name",
  "company.industry",
  "company.employeeCount",
  "company.annualRevenue",
  "company.city",
  "company.postalCode",
  "company.region",
  "company.country",
  "company.tags",
  "company.relationshipTypes",
] as const;
