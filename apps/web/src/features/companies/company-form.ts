import type { TCompany } from "@kontor/contracts";

export interface CompanyFormValues extends Record<string, unknown> {
  name: string;
  domain: string;
  industry: string;
  employeeCount: string;
  revenueAmount: string;
  revenueCurrency: string;
  phone: string;
  website: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  relationshipTypes: string[];
  tags: string[];
  customFields: Record<string, unknown>;
}

export function emptyCompanyValues(currency = "EUR"): CompanyFormValues {
  return {
    name: "",
    domain: "",
    industry: "",
    employeeCount: "",
    revenueAmount: "",
    revenueCurrency: currency,
    phone: "",
    website: "",
    street: "",
    postalCode: "",
    city: "",
    country: "",
    relationshipTypes: [],
    tags: [],
    customFields: {},
  };
}

export function companyToValues(company: TCompany): CompanyFormValues {
  return {
    name: company.name,
    domain: company.domain ?? "",
    industry: company.industry ?? "",
    employeeCount: company.employeeCount === null ? "" : String(company.employeeCount),
    revenueAmount: company.annualRevenue?.amount ?? "",
    revenueCurrency: company.annualRevenue?.currency ?? "EUR",
    phone: company.phone ?? "",
    website: company.website ?? "",
    street: company.address?.street ?? "",
    postalCode: company.address?.postalCode ?? "",
    city: company.address?.city ?? "",
    country: company.address?.country ?? "",
    relationshipTypes: company.relationshipTypes,
    tags: company.tags,
    customFields: company.customFields,
  };
}

const blank = (value: string) => (value.trim() === "" ? null : value.trim());

export function companyValuesToBody(values: CompanyFormValues) {
  const address = {
    street: blank(values.street),
    postalCode: blank(values.postalCode),
    city: blank(values.city),
    country: blank(values.country.toUpperCase()),
  };
  const amount = blank(values.revenueAmount.replace(",", "."));
  const employees = blank(values.employeeCount);
  return {
    name: values.name.trim(),
    domain: blank(values.domain),
    industry: blank(values.industry),
    employeeCount: employees === null ? null : Number(employees),
    annualRevenue: amount === null ? null : { amount, currency: values.revenueCurrency.trim().toUpperCase() },
    phone: blank(values.phone),
    website: blank(values.website),
    address: Object.values(address).some((value) => value !== null) ? address : null,
    relationshipTypes: values.relationshipTypes,
    tags: values.tags,
    customFields: values.customFields,
  };
}

export function flattenCompanyErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [
      path
        .replace(/^address\./, "")
        .replace(/^annualRevenue\.amount$/, "revenueAmount")
        .replace(/^annualRevenue\.currency$/, "revenueCurrency"),
      message,
    ]),
  );
}
