import { z } from "zod";
import { ZCompany } from "./companies.ts";
import { ZPerson } from "./people.ts";

export const ZDuplicateObject = z.enum(["person", "company"]);

export const ZDuplicatePair = z.object({
  object: ZDuplicateObject,
  a: z.object({ id: z.uuid(), title: z.string(), subtitle: z.string().nullable() }),
  b: z.object({ id: z.uuid(), title: z.string(), subtitle: z.string().nullable() }),
  reasons: z.array(z.enum(["email", "phone", "domain", "name_company", "name_city"])),
});
export type TDuplicatePair = z.infer<typeof ZDuplicatePair>;

export const ZDuplicateCheckQuery = z.object({
  object: ZDuplicateObject,
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  firstName: z.string().max(200).optional(),
  lastName: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  domain: z.string().max(253).optional(),
  companyId: z.uuid().optional(),
});

export const ZMergeRequest = z.strictObject({
  object: ZDuplicateObject,
  survivorId: z.uuid(),
  mergedId: z.uuid(),
});

export const ZMerge = z.object({
  id: z.uuid(),
  object: ZDuplicateObject,
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid().nullable(),
  undoneAt: z.iso.datetime().nullable(),
  undoUntil: z.iso.datetime(),
  moved: z.record(z.string(), z.int()),
});
export type TMerge = z.infer<typeof ZMerge>;

export const ZMergeResult = z.object({ merge: ZMerge, survivor: z.union([ZPerson, ZCompany]) });
