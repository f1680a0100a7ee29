import { z } from "zod";
import {
  LIMITS,
  listOf,
  ZAddress,
  ZCustomFieldValues,
  ZEmail,
  ZPhoneInput,
  ZRecordMeta,
  ZShortText,
  ZTags,
} from "./common.ts";

const personFields = {
  firstName: ZShortText.nullish(),
  lastName: ZShortText.nullish(),
  email: ZEmail.nullish(),
  additionalEmails: z.array(ZEmail).max(LIMITS.emails),
  phone: ZPhoneInput.nullish(),
  additionalPhones: z.array(ZPhoneInput).max(LIMITS.phones),
  jobTitle: ZShortText.nullish(),
  companyId: z.uuid().nullish(),
  address: ZAddress.nullish(),
  birthday: z.iso.date().nullish(),
  tags: ZTags,
  ownerId: z.uuid().nullish(),
  customFields: ZCustomFieldValues,
};

function hasNameOrEmail(value: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}) {
  return Boolean(value.firstName?.trim() || value.lastName?.trim() || value.email?.trim());
}

export const ZPersonCreateRequest = z
  .strictObject({
    ...personFields,
    additionalEmails: personFields.additionalEmails.optional(),
    additionalPhones: personFields.additionalPhones.optional(),
    tags: personFields.tags.optional(),
    customFields: personFields.customFields.optional(),
  })
  .refine(hasNameOrEmail, {
    message: "A person needs a first name, a last name or an email",
    path: ["lastName"],
  });
export type TPersonCreateRequest = z.infer<typeof ZPersonCreateRequest>;

export const ZPersonUpdateRequest = z.strictObject({
  firstName: personFields.firstName,
  lastName: personFields.lastName,
  email: personFields.email,
  additionalEmails: personFields.additionalEmails.optional(),
  phone: personFields.phone,
  additionalPhones: personFields.additionalPhones.optional(),
  jobTitle: personFields.jobTitle,
  companyId: personFields.companyId,
  address: personFields.address,
  birthday: personFields.birthday,
  tags: personFields.tags.optional(),
  ownerId: personFields.ownerId,
  customFields: personFields.customFields.optional(),
});
export type TPersonUpdateRequest = z.infer<typeof ZPersonUpdateRequest>;

export const ZPerson = ZRecordMeta.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  additionalEmails: z.array(z.string()),
  phone: z.string().nullable(),
  additionalPhones: z.array(z.string()),
  jobTitle: z.string().nullable(),
  companyId: z.uuid().nullable(),
  address: ZAddress.nullable(),
  birthday: z.string().nullable(),
  tags: z.array(z.string()),
  ownerId: z.uuid().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  deletedAt: z.iso.datetime().nullable(),
});
export type TPerson = z.infer<typeof ZPerson>;
export const ZPersonList = listOf(ZPerson);

export const ZEmployment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type TEmployment = z.infer<typeof ZEmployment>;

/** Fields a person list can be filtered and sorted by. */
export const PERSON_FILTER_FIELDS = [
  "id",
  "firstName",
  "lastName",
  "email",
  "phone",
  "jobTitle",
  "companyId",
  "ownerId",
  "birthday",
  "tags",
  "city",
  "postalCode",
  "country",
  "createdAt",
  "updatedAt",
] as const;
export const PERSON_SORT_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "createdAt",
  "updatedAt",
  "birthday",
] as const;
