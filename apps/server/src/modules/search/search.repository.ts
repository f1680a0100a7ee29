import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

export interface SearchRow {
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
  matched_by: "email" | "phone" | "text";
}

export interface SearchParams {
  workspaceId: string;
  folded: string;
  words: string[];
  email: string | null;
  phone: string | null;
  limit: number;
}

function likeAll(column: SQL, words: string[]): SQL {
  return sql.join(
    words.map((word) => sql`${column} LIKE ${`%${word}%`}`),
    sql` AND `,
  );
}

/**
 * People ranked by: exact email/phone hit, then words that start a word of the name, then
 * trigram word similarity (typos). Uses the trigram index on search_text and the email/phone
 * indexes; the caller sets pg_trgm.word_similarity_threshold for the transaction.
 */
export async function searchPeople(db: Executor, params: SearchParams): Promise<SearchRow[]> {
  const text = sql`p.search_text`;
  const exact = [
    params.email
      ? sql`(lower(p.email) = ${params.email} OR p.additional_emails @> ${JSON.stringify([params.email])}::jsonb)`
      : null,
    params.phone
      ? sql`(p.phone = ${params.phone} OR p.additional_phones @> ${JSON.stringify([params.phone])}::jsonb)`
      : null,
  ].filter((condition): condition is SQL => condition !== null);
  const textMatch = params.words.length
    ? sql`((${likeAll(text, params.words)}) OR ${params.folded} <% ${text})`
    : sql`false`;
  const where = exact.length ? sql`(${sql.join(exact, sql` OR `)} OR ${textMatch})` : textMatch;
  const result = await db.execute(sql`
    SELECT p.id,
           trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) AS title,
           coalesce(p.email, p.phone) AS subtitle,
           CASE
             WHEN ${params.email ?? ""} <> '' AND lower(p.email) = ${params.email ?? ""} THEN 'email'
             WHEN ${params.phone ?? ""} <> '' AND p.phone = ${params.phone ?? ""} THEN 'phone'
             ELSE 'text' END AS matched_by,
           (CASE WHEN ${params.email ?? ""} <> '' AND lower(p.email) = ${params.email ?? ""} THEN 10 ELSE 0 END
            + CASE WHEN ${params.phone ?? ""} <> '' AND p.phone = ${params.phone ?? ""} THEN 10 ELSE 0 END
            + CASE WHEN (' ' || ${text}) LIKE ${`% ${params.folded}%`} THEN 2 ELSE 0 END
            + CASE WHEN (' ' || ${text} || ' ') LIKE ${`% ${params.folded} %`} THEN 1 ELSE 0 END
            + word_similarity(${params.folded}, ${text}))::float8 AS score
      FROM people p
     WHERE p.workspace_id = ${params.workspaceId} AND p.deleted_at IS NULL AND ${where}
     ORDER BY score DESC, p.id
     LIMIT ${params.limit}`);
  return (result as unknown as { rows: SearchRow[] }).rows;
}

export async function searchCompanies(db: Executor, params: SearchParams): Promise<SearchRow[]> {
  const text = sql`c.search_text`;
  const textMatch = params.words.length
    ? sql`((${likeAll(text, params.words)}) OR ${params.folded} <% ${text})`
    : sql`false`;
  const domain = params.email ? (params.email.split("@")[1] ?? "") : "";
  const exact = [
    params.phone ? sql`c.phone = ${params.phone}` : null,
    domain ? sql`c.domain = ${domain}` : null,
  ].filter((condition): condition is SQL => condition !== null);
  const where = exact.length ? sql`(${sql.join(exact, sql` OR `)} OR ${textMatch})` : textMatch;
  const result = await db.execute(sql`
    SELECT c.id, c.name AS title, coalesce(c.domain, c.address->>'city') AS subtitle,
           CASE WHEN ${params.phone ?? ""} <> '' AND c.phone = ${params.phone ?? ""} THEN 'phone'
                WHEN ${domain} <> '' AND c.domain = ${domain} THEN 'email'
                ELSE 'text' END AS matched_by,
           (CASE WHEN ${params.phone ?? ""} <> '' AND c.phone = ${params.phone ?? ""} THEN 10 ELSE 0 END
            + CASE WHEN ${domain} <> '' AND c.domain = ${domain} THEN 5 ELSE 0 END
            + CASE WHEN (' ' || ${text}) LIKE ${`% ${params.folded}%`} THEN 2 ELSE 0 END
            + CASE WHEN (' ' || ${text} || ' ') LIKE ${`% ${params.folded} %`} THEN 1 ELSE 0 END
            + word_similarity(${params.folded}, ${text}))::float8 AS score
      FROM companies c
     WHERE c.workspace_id = ${params.workspaceId} AND c.deleted_at IS NULL AND ${where}
     ORDER BY score DESC, c.id
     LIMIT ${params.limit}`);
  return (result as unknown as { rows: SearchRow[] }).rows;
}
