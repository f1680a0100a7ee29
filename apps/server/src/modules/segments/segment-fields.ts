import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { companies, people } from "../../db/schema/index.ts";
import type { FieldSpec } from "../../lib/list-query.ts";
import { COMPANY_FIELDS } from "../companies/companies.fields.ts";
import type { CustomFieldRow } from "../custom-fields/custom-fields.repository.ts";
import { PERSON_FIELDS } from "../people/people.fields.ts";
import { commonFieldResolver } from "../records/record-support.ts";

/** The person's current company, joined once into every person segment query. */
export const segmentCompany = alias(companies, "segment_company");

const companyFields: Record<string, FieldSpec> = {
  "company.name": { expr: sql`${segmentCompany.name}`, kind: "text", nullable: true },
  "company.industry": { expr: sql`${segmentCompany.industry}`, kind: "text", nullable: true },
  "company.employeeCount": { expr: sql`${segmentCompany.employeeCount}`, kind: "number", nullable: true },
  "company.annualRevenue": {
    expr: sql`${segmentCompany.annualRevenueAmount}`,
    kind: "number",
    nullable: true,
  },
  "company.city": { expr: sql`(${segmentCompany.address}->>'city')`, kind: "text", nullable: true },
  "company.postalCode": {
    expr: sql`${segmentCompany.postalCode}`,
    kind: "text",
    nullable: true,
    byteOrder: true,
  },
  "company.region": { expr: sql`(${segmentCompany.address}->>'region')`, kind: "text", nullable: true },
  "company.country": { expr: sql`(${segmentCompany.address}->>'country')`, kind: "text", nullable: true },
  "company.tags": {
    expr: sql`coalesce(${segmentCompany.tags}, '[]'::jsonb)`,
    kind: "tags",
    nullable: false,
    sortable: false,
  },
  "company.relationshipTypes": {
    expr: sql`coalesce(${segmentCompany.relationshipTypes}, '[]'::jsonb)`,
    kind: "tags",
    nullable: false,
    sortable: false,
  },
};

/**
 * When the person's latest logged activity happened (null: never); `lt now-90d` = no activity in
 * 90 days. Activities in the trash do not count.
 */
const lastActivityAt: FieldSpec = {
  expr: sql`(SELECT max(a.occurred_at) FROM record_links l JOIN activities a ON a.id = l.source_id AND a.workspace_id = l.workspace_id
                AND a.deleted_at IS NULL
              WHERE l.workspace_id = ${people.workspaceId} AND l.source_type = 'activity' AND l.record_type = 'person' AND l.record_id = ${people.id})`,
  kind: "timestamp",
  nullable: true,
  sortable: false,
};

export function personSegmentResolver(definitions: CustomFieldRow[]) {
  const own = commonFieldResolver(people, definitions, PERSON_FIELDS);
  return (name: string): FieldSpec | undefined =>
    name === "lastActivityAt" ? lastActivityAt : (companyFields[name] ?? own(name));
}

export function companySegmentResolver(definitions: CustomFieldRow[]) {
  return commonFieldResolver(companies, definitions, COMPANY_FIELDS);
}
