import type { TAddress } from "@kontor/contracts";
import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import { emptyJsonArray, emptyJsonObject, recordColumns, trashColumns } from "./columns.ts";
import { workspaces } from "./workspaces.ts";

const workspaceRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

export const companies = pgTable(
  "companies",
  {
    ...recordColumns(),
    workspaceId: workspaceRef(),
    ...trashColumns(),
    name: text("name").notNull(),
    domain: text("domain"),
    industry: text("industry"),
    employeeCount: integer("employee_count"),
    annualRevenueAmount: numeric("annual_revenue_amount", { precision: 19, scale: 4 }),
    annualRevenueCurrency: text("annual_revenue_currency"),
    address: jsonb("address").$type<TAddress>(),
    phone: text("phone"),
    website: text("website"),
    tags: jsonb("tags").$type<string[]>().notNull().default(emptyJsonArray),
    ownerId: uuid("owner_id"),
    relationshipTypes: jsonb("relationship_types").$type<string[]>().notNull().default(emptyJsonArray),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default(emptyJsonObject),
    /** Folded name, domain and website host (lib/search-text.ts), written with every change. */
    searchText: text("search_text").notNull().default(""),
    /** The address's postal code as a column of its own, for covering indexes (decision 0015). */
    postalCode: text("postal_code").generatedAlwaysAs(sql`("address" ->> 'postalCode')`),
  },
  (table) => [
    index("companies_ws_created_idx").on(table.workspaceId, table.createdAt, table.id),
    index("companies_ws_name_idx").on(table.workspaceId, table.name, table.id),
    index("companies_ws_domain_idx").on(table.workspaceId, table.domain),
    // Covering (id) and partial (live records only): a segment's "company industry is X" joins
    // people to companies from the index alone (decision 0015).
    index("companies_ws_industry_idx")
      .on(table.workspaceId, table.industry, table.id)
      .where(sql`${table.deletedAt} IS NULL`),
    // text_pattern_ops: postal code prefixes (LIKE '8%') and byte-order ranges use the index.
    index("companies_ws_postal_code_idx")
      .on(table.workspaceId, sql`${table.postalCode} text_pattern_ops`, table.id)
      .where(sql`${table.deletedAt} IS NULL`),
    index("companies_ws_deleted_idx").on(table.workspaceId, table.deletedAt),
    index("companies_tags_idx").using("gin", table.tags),
    index("companies_custom_fields_idx").using("gin", table.customFields),
    index("companies_search_text_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
  ],
);

export const people = pgTable(
  "people",
  {
    ...recordColumns(),
    workspaceId: workspaceRef(),
    ...trashColumns(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    additionalEmails: jsonb("additional_emails").$type<string[]>().notNull().default(emptyJsonArray),
    phone: text("phone"),
    additionalPhones: jsonb("additional_phones").$type<string[]>().notNull().default(emptyJsonArray),
    jobTitle: text("job_title"),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    address: jsonb("address").$type<TAddress>(),
    birthday: date("birthday", { mode: "string" }),
    tags: jsonb("tags").$type<string[]>().notNull().default(emptyJsonArray),
    ownerId: uuid("owner_id"),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default(emptyJsonObject),
    /** Folded names and emails (lib/search-text.ts), written with every change. */
    searchText: text("search_text").notNull().default(""),
    /** The address's postal code as a column of its own, for covering indexes (decision 0015). */
    postalCode: text("postal_code").generatedAlwaysAs(sql`("address" ->> 'postalCode')`),
  },
  (table) => [
    index("people_ws_created_idx").on(table.workspaceId, table.createdAt, table.id),
    index("people_ws_city_created_idx").on(
      table.workspaceId,
      sql`(${table.address}->>'city')`,
      table.createdAt,
      table.id,
    ),
    // text_pattern_ops: postal code prefixes (startsWith 8, LIKE '8%') and byte-order ranges use
    // the index; with company_id in it, a segment counts "postal code 8… at a company that …"
    // from the index alone (decision 0015).
    index("people_ws_postal_code_idx")
      .on(table.workspaceId, sql`${table.postalCode} text_pattern_ops`, table.companyId)
      .where(sql`${table.deletedAt} IS NULL`),
    index("people_ws_last_name_idx").on(table.workspaceId, table.lastName, table.id),
    index("people_ws_email_idx").on(table.workspaceId, sql`lower(${table.email})`),
    index("people_ws_phone_idx").on(table.workspaceId, table.phone),
    // Led by the foreign key column: purging a company sets company_id NULL on its people through
    // this index (led by workspace_id it scanned all people once per company).
    index("people_company_idx").on(table.companyId),
    index("people_ws_deleted_idx").on(table.workspaceId, table.deletedAt),
    index("people_tags_idx").using("gin", table.tags),
    index("people_custom_fields_idx").using("gin", table.customFields),
    index("people_search_text_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
    index("people_additional_emails_idx").using("gin", table.additionalEmails),
    index("people_additional_phones_idx").using("gin", table.additionalPhones),
  ],
);

/** A person's employers over time; the open row (ended_at null) mirrors people.company_id. */
export const employments = pgTable(
  "employments",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    workspaceId: workspaceRef(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    jobTitle: text("job_title"),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true, precision: 3 }),
  },
  (table) => [
    // Led by the foreign key columns, so deleting a person or company finds its employments
    // through the index (led by workspace_id, every purged person scanned all 800,000 of them).
    index("employments_person_idx").on(table.personId, table.startedAt),
    index("employments_company_idx").on(table.companyId),
  ],
);

/** A labelled relation between any two people or companies ("assistant of", "subsidiary of"). */
export const relations = pgTable(
  "relations",
  {
    ...recordColumns(),
    workspaceId: workspaceRef(),
    fromType: text("from_type").notNull(),
    fromId: uuid("from_id").notNull(),
    toType: text("to_type").notNull(),
    toId: uuid("to_id").notNull(),
    label: text("label").notNull(),
    note: text("note"),
  },
  (table) => [
    index("relations_from_idx").on(table.workspaceId, table.fromId),
    index("relations_to_idx").on(table.workspaceId, table.toId),
  ],
);

export const customFieldDefinitions = pgTable(
  "custom_field_definitions",
  {
    ...recordColumns(),
    workspaceId: workspaceRef(),
    object: text("object").notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: text("type").notNull(),
    required: integer("required").notNull().default(0),
    options: jsonb("options").$type<{ value: string; label: string }[]>().notNull().default(emptyJsonArray),
    description: text("description"),
  },
  (table) => [
    index("custom_fields_ws_object_idx").on(table.workspaceId, table.object),
    uniqueIndex("custom_fields_ws_object_key_idx").on(table.workspaceId, table.object, table.key),
  ],
);

export const savedViews = pgTable(
  "saved_views",
  {
    ...recordColumns(),
    workspaceId: workspaceRef(),
    object: text("object").notNull(),
    name: text("name").notNull(),
    visibility: text("visibility").notNull(),
    ownerId: uuid("owner_id").notNull(),
    filters: jsonb("filters")
      .$type<{ field: string; op: string; value: string }[]>()
      .notNull()
      .default(emptyJsonArray),
    columns: jsonb("columns").$type<string[]>().notNull().default(emptyJsonArray),
    sort: text("sort"),
  },
  (table) => [index("saved_views_ws_object_idx").on(table.workspaceId, table.object)],
);
