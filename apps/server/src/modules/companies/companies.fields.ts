import { sql } from "drizzle-orm";
import { companies } from "../../db/schema/index.ts";
import type { FieldSpec } from "../../lib/list-query.ts";

/** Fields of companies that lists and segments filter and sort by (besides the common ones). */
export const COMPANY_FIELDS: Record<string, FieldSpec> = {
  name: { expr: sql`${companies.name}`, kind: "text", nullable: false },
  domain: { expr: sql`${companies.domain}`, kind: "text", nullable: true },
  industry: { expr: sql`${companies.industry}`, kind: "text", nullable: true },
  employeeCount: { expr: sql`${companies.employeeCount}`, kind: "number", nullable: true },
  annualRevenue: { expr: sql`${companies.annualRevenueAmount}`, kind: "number", nullable: true },
  phone: { expr: sql`${companies.phone}`, kind: "text", nullable: true },
  relationshipTypes: {
    expr: sql`${companies.relationshipTypes}`,
    kind: "tags",
    nullable: false,
    sortable: false,
  },
};
