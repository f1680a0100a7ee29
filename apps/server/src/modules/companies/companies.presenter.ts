import type { TCompany } from "@kontor/contracts";
import type { CompanyRow } from "./companies.repository.ts";

/** numeric(19,4) comes back as "1234.5000": keep at least two decimals, drop the rest of the zeros. */
export function formatAmount(amount: string): string {
  const [whole, fraction = ""] = amount.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return `${whole}.${trimmed.padEnd(2, "0")}`;
}

export function presentCompany(row: CompanyRow): TCompany {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    employeeCount: row.employeeCount,
    annualRevenue:
      row.annualRevenueAmount !== null && row.annualRevenueCurrency !== null
        ? { amount: formatAmount(row.annualRevenueAmount), currency: row.annualRevenueCurrency }
        : null,
    address: row.address ?? null,
    phone: row.phone,
    website: row.website,
    tags: row.tags,
    ownerId: row.ownerId,
    relationshipTypes: row.relationshipTypes,
    customFields: row.customFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
