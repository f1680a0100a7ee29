import { z } from "zod";

export const LIMITS = {
  shortText: 200,
  longText: 10_000,
  tags: 50,
  tag: 60,
  emails: 20,
  phones: 20,
  listDefault: 50,
  listMax: 200,
  customFields: 200,
} as const;

/** ISO 4217 codes known to the JavaScript runtime (Intl), e.g. "EUR", "CHF". */
const currencyCodes = new Set<string>(
  typeof Intl.supportedValuesOf === "function"
    ? Intl.supportedValuesOf("currency")
    : ["EUR", "CHF", "USD", "GBP"],
);

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** True for an assigned ISO 3166-1 alpha-2 country code such as "DE" or "AT". */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  const name = regionNames.of(value);
  return name !== undefined && name !== value && name !== "Unknown Region";
}

export const ZUuid = z.uuid();
export const ZShortText = z.string().trim().max(LIMITS.shortText);
export const ZLongText = z.string().max(LIMITS.longText);

export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as EUR")
  .refine((code) => currencyCodes.has(code), "Unknown ISO 4217 currency code");

export const ZCountry = z
  .string()
  .regex(/^[A-Z]{2}$/, "Use a two-letter ISO 3166-1 code such as DE")
  .refine(isCountryCode, "Unknown ISO 3166-1 country code");

/** Money is a decimal string plus currency; never a float. */
export const ZMoney = z.strictObject({
  amount: z
    .string()
    .regex(/^-?\d{1,15}(\.\d{1,4})?$/, "Use a decimal string such as 1234.50 (up to 4 decimals)"),
  currency: ZCurrency,
});
export type TMoney = z.infer<typeof ZMoney>;

export const ZAddress = z.strictObject({
  street: ZShortText.nullish(),
  postalCode: z.string().trim().max(20).nullish(),
  city: ZShortText.nullish(),
  region: ZShortText.nullish(),
  country: ZCountry.nullish(),
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZTags = z.array(z.string().trim().min(1).max(LIMITS.tag)).max(LIMITS.tags);

/** A phone number as typed by a person; the server stores it as E.164. */
export const ZPhoneInput = z.string().trim().min(3).max(40);

export const ZEmail = z.email().max(254);

export const ZCustomFieldValues = z.record(z.string().max(64), z.unknown());

/** Fields every stored record carries. */
export const ZRecordMeta = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: z.uuid().nullable(),
  version: z.int(),
});

/** Query parameters every list endpoint accepts (filters come as `filter[field][op]=value`). */
export const ZListQuery = z.looseObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.listMax).default(LIMITS.listDefault),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export const FILTER_OPERATORS = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "in",
  "contains",
  "startsWith",
  "isNull",
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Builds the `{ data, nextCursor }` envelope schema of a list endpoint. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
