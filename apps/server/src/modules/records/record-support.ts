import {
  type CustomFieldObject,
  DEFAULT_WORKSPACE_SETTINGS,
  type FieldError,
  type FieldRuleCode,
} from "@kontor/contracts";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { companies, memberships, workspaces } from "../../db/schema/index.ts";
import { AppError, validationFailed } from "../../errors/app-error.ts";
import type { FieldSpec } from "../../lib/list-query.ts";
import { toE164 } from "../../lib/phone.ts";
import { customFieldSpec } from "../custom-fields/custom-field-values.ts";
import { type CustomFieldRow, findCustomFields } from "../custom-fields/custom-fields.repository.ts";

/** What a write to a person or company needs to know about its workspace. */
export interface WriteContext {
  defaultRegion: string;
  definitions: CustomFieldRow[];
  /** Relationship type keys of the workspace settings (companies check theirs against them). */
  relationshipTypes: string[];
}

export async function loadWriteContext(
  db: Executor,
  workspaceId: string,
  object: CustomFieldObject,
): Promise<WriteContext> {
  const [[workspace], definitions] = await Promise.all([
    db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId)),
    findCustomFields(db, workspaceId, object),
  ]);
  return {
    defaultRegion: workspace?.settings.defaultRegion ?? DEFAULT_WORKSPACE_SETTINGS.defaultRegion,
    definitions,
    relationshipTypes: workspace?.settings.relationshipTypes?.map((type) => type.key) ?? [],
  };
}

/**
 * Whether an update needs the write context: only phone numbers (the default region) and custom
 * fields (their definitions) do, so a PATCH of other fields skips reading it.
 */
export function updateNeedsContext(input: Record<string, unknown>, extraKeys: readonly string[] = []) {
  return ["phone", "additionalPhones", "customFields", ...extraKeys].some((key) => input[key] !== undefined);
}

/** Whether a list request filters or sorts by a custom field (only then are definitions needed). */
export function usesCustomFields(request: {
  sort?: string | undefined;
  raw: Record<string, unknown>;
}): boolean {
  return (
    (request.sort ?? "").includes("customFields.") ||
    Object.keys(request.raw).some((key) => key.startsWith("filter[customFields."))
  );
}

/** Custom field definitions a list request needs: none unless it filters or sorts by one. */
export function listDefinitions(
  db: Executor,
  workspaceId: string,
  object: CustomFieldObject,
  request: { sort?: string | undefined; raw: Record<string, unknown> },
): Promise<CustomFieldRow[]> {
  return usesCustomFields(request) ? findCustomFields(db, workspaceId, object) : Promise.resolve([]);
}

/** Collects field errors while normalising input, then throws them together. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(path: string, message: string, code?: FieldRuleCode, params?: FieldError["params"]) {
    this.list.push({ path, message, ...(code ? { code } : {}), ...(params ? { params } : {}) });
  }
  /** Keeps a field error as it is (e.g. one of `validateCustomFieldValues`), code and params included. */
  push(error: FieldError) {
    this.list.push(error);
  }
  throwIfAny() {
    if (this.list.length) throw validationFailed(this.list);
  }
}

export function normalisePhone(
  value: string | null | undefined,
  region: string,
  path: string,
  errors: FieldErrors,
) {
  if (value === undefined || value === null || value === "") return value === "" ? null : value;
  const e164 = toE164(value, region);
  if (!e164) errors.add(path, `"${value}" is not a valid phone number`, "invalid_phone", { value });
  return e164;
}

export function normalisePhones(
  values: string[] | undefined,
  region: string,
  path: string,
  errors: FieldErrors,
) {
  if (values === undefined) return undefined;
  return values
    .map((value, index) => normalisePhone(value, region, `${path}.${index}`, errors))
    .filter(Boolean) as string[];
}

export function uniqueTags(tags: string[] | undefined) {
  return tags === undefined ? undefined : [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

export async function assertOwnerIsMember(
  db: Executor,
  workspaceId: string,
  ownerId: string | null | undefined,
  errors: FieldErrors,
) {
  if (!ownerId) return;
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, ownerId)));
  if (!row) errors.add("ownerId", "The owner must be a member of this workspace", "not_a_member");
}

export async function assertCompanyExists(
  db: Executor,
  workspaceId: string,
  companyId: string | null | undefined,
  errors: FieldErrors,
) {
  if (!companyId) return;
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId), isNull(companies.deletedAt)),
    );
  if (!row)
    errors.add("companyId", "No such company in this workspace", "record_not_found", {
      recordType: "company",
    });
}

/** Filter fields every record shares: address parts, tags, owner, timestamps, custom fields. */
export function commonFieldResolver(
  table: {
    id: unknown;
    address: unknown;
    postalCode: unknown;
    createdAt: unknown;
    updatedAt: unknown;
    tags: unknown;
    ownerId: unknown;
    customFields: unknown;
  },
  definitions: CustomFieldRow[],
  own: Record<string, FieldSpec>,
) {
  const column = (value: unknown) => sql`${value as SQL}`;
  const shared: Record<string, FieldSpec> = {
    id: { expr: column(table.id), kind: "uuid", nullable: false },
    createdAt: { expr: column(table.createdAt), kind: "timestamp", nullable: false },
    updatedAt: { expr: column(table.updatedAt), kind: "timestamp", nullable: false },
    ownerId: { expr: column(table.ownerId), kind: "uuid", nullable: true },
    tags: { expr: column(table.tags), kind: "tags", nullable: false, sortable: false },
    city: { expr: sql`(${table.address as SQL}->>'city')`, kind: "text", nullable: true },
    postalCode: { expr: column(table.postalCode), kind: "text", nullable: true, byteOrder: true },
    country: { expr: sql`(${table.address as SQL}->>'country')`, kind: "text", nullable: true },
    region: { expr: sql`(${table.address as SQL}->>'region')`, kind: "text", nullable: true },
  };
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  return (name: string): FieldSpec | undefined => {
    if (name.startsWith("customFields.")) {
      const definition = byKey.get(name.slice("customFields.".length));
      return definition ? customFieldSpec(sql`${table.customFields as SQL}`, definition) : undefined;
    }
    return own[name] ?? shared[name];
  };
}

/** 404 for a missing record, 412 when the caller's If-Match version is stale. */
export function assertVersion(
  current: { version: number } | undefined,
  expected: number | undefined,
  notFoundCode: "person_not_found" | "company_not_found",
) {
  if (!current) throw new AppError(notFoundCode, "The record does not exist.");
  if (expected !== undefined && current.version !== expected) {
    throw new AppError(
      "version_conflict",
      `The record changed meanwhile (now version ${current.version}); reload and try again.`,
    );
  }
}
