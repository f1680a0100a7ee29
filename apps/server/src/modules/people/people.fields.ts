import { sql } from "drizzle-orm";
import { people } from "../../db/schema/index.ts";
import type { FieldSpec } from "../../lib/list-query.ts";

/** Fields of people that lists and segments filter and sort by (besides the common ones). */
export const PERSON_FIELDS: Record<string, FieldSpec> = {
  firstName: { expr: sql`${people.firstName}`, kind: "text", nullable: true },
  lastName: { expr: sql`${people.lastName}`, kind: "text", nullable: true },
  // Emails are stored lower-cased; compare lower-cased so the lower(email) index serves eq and in.
  email: { expr: sql`lower(${people.email})`, kind: "text", nullable: true, lowercase: true },
  phone: { expr: sql`${people.phone}`, kind: "text", nullable: true },
  jobTitle: { expr: sql`${people.jobTitle}`, kind: "text", nullable: true },
  companyId: { expr: sql`${people.companyId}`, kind: "uuid", nullable: true },
  birthday: { expr: sql`${people.birthday}`, kind: "date", nullable: true },
};
