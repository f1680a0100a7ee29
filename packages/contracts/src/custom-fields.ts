import { z } from "zod";

export const CUSTOM_FIELD_TYPES = [
  "text",
  "number",
  "date",
  "boolean",
  "select",
  "multiselect",
  "url",
  "email",
  "phone",
  "currency",
] as const;
export const ZCustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof ZCustomFieldType>;

export const CUSTOM_FIELD_OBJECTS = ["person", "company"] as const;
export const ZCustomFieldObject = z.enum(CUSTOM_FIELD_OBJECTS);
export type CustomFieldObject = z.infer<typeof ZCustomFieldObject>;

export const ZCustomFieldOption = z.strictObject({
  value: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(100),
});

export const ZCustomFieldCreateRequest = z
  .strictObject({
    object: ZCustomFieldObject,
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9_]{0,62}$/, "Start with a lowercase letter; letters, digits and _ only"),
    label: z.string().trim().min(1).max(100),
    type: ZCustomFieldType,
    required: z.boolean().optional(),
    options: z.array(ZCustomFieldOption).max(200).optional(),
    description: z.string().max(500).nullish(),
  })
  .refine((value) => !["select", "multiselect"].includes(value.type) || (value.options?.length ?? 0) > 0, {
    message: "A select field needs at least one option",
    path: ["options"],
  });
export type TCustomFieldCreateRequest = z.infer<typeof ZCustomFieldCreateRequest>;

export const ZCustomFieldUpdateRequest = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  required: z.boolean().optional(),
  options: z.array(ZCustomFieldOption).max(200).optional(),
  description: z.string().max(500).nullish(),
});
export type TCustomFieldUpdateRequest = z.infer<typeof ZCustomFieldUpdateRequest>;

export const ZCustomField = z.object({
  id: z.uuid(),
  object: ZCustomFieldObject,
  key: z.string(),
  label: z.string(),
  type: ZCustomFieldType,
  required: z.boolean(),
  options: z.array(ZCustomFieldOption),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int(),
});
export type TCustomField = z.infer<typeof ZCustomField>;
