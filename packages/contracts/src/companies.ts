import { z } from "zod";
import {
  listOf,
  ZAddress,
  ZCustomFieldValues,
  ZMoney,
  ZPhoneInput,
  ZRecordMeta,
  ZShortText,
  ZTags,
} from "./common.ts";

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, "Use a domain such as example.de");

const ZWebsite = z.url({ protocol: /^https?$/ }).max(500);

export const ZRelationshipTypeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and _");

const companyFields = {
  name: ZShortText.min(1),
  domain: ZDomain.nullish(),
  industry: ZShortText.nullish(),
  employeeCount: z.int().min(0).max(10_000_000).nullish(),
  annualRevenue: ZMoney.nullish(),
  address: ZAddress.nullish(),
  phone: ZPhoneInput.nullish(),
  website: ZWebsite.nullish(),
  tags: ZTags.optional(),
  ownerId: z.uuid().nullish(),
  relationshipTypes: z.array(ZRelationshipTypeKey).max(20).optional(),
  customFields: ZCustomFieldValues.optional(),
};

export const ZCompanyCreateRequest = z.strictObject(companyFields);
export type TCompanyCreateRequest = z.infer<typeof ZCompanyCreateRequest>;

export const ZCompanyUpdateRequest = z.strictObject({
  ...companyFields,
  name: companyFields.name.optional(),
});
export type TCompanyUpdateRequest = z.infer<typeof ZCompanyUpdateRequest>;

export const ZCompany = ZRecordMeta.extend({
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employeeCount: z.int().nullable(),
  annualRevenue: ZMoney.nullable(),
  address: ZAddress.nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  tags: z.array(z.string()),
  ownerId: z.uuid().nullable(),
  relationshipTypes: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  deletedAt: z.iso.datetime().nullable(),
});
export type TCompany = z.infer<typeof ZCompany>;
export const ZCompanyList = listOf(ZCompany);

export const COMPANY_FILTER_FIELDS = [
  "id",
  "name",
  "domain",
  "industry",
  "employeeCount",
  "annualRevenue",
  "phone",
  "ownerId",
  "tags",
  "relationshipTypes",
  "city",
  "postalCode",
  "country",
  "createdAt",
  "updatedAt",
] as const;
export const COMPANY_SORT_FIELDS = [
  "name",
  "domain",
  "industry",
  "employeeCount",
  "annualRevenue",
  "createdAt",
  "updatedAt",
] as const;
