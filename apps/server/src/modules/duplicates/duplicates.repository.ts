import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

export interface DuplicatePairRow {
  a_id: string;
  b_id: string;
  reasons: string[];
}

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Pairs of people that look like the same person: same email, same phone, or similar names
 * (trigram similarity above the transaction's pg_trgm.similarity_threshold) at the same company
 * or in the same city.
 */
export function findPersonPairs(db: Executor, workspaceId: string, limit: number) {
  return rows<DuplicatePairRow>(
    db,
    sql`
    WITH live AS (SELECT * FROM people WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL),
    pairs AS (
      SELECT a.id AS a_id, b.id AS b_id, 'email' AS reason FROM live a JOIN live b ON lower(a.email) = lower(b.email) AND a.id < b.id
      UNION ALL
      SELECT a.id, b.id, 'phone' FROM live a JOIN live b ON a.phone = b.phone AND a.id < b.id
      UNION ALL
      SELECT a.id, b.id, 'name_company' FROM live a JOIN live b
        ON a.company_id = b.company_id AND a.id < b.id AND a.search_text % b.search_text
      UNION ALL
      SELECT a.id, b.id, 'name_city' FROM live a JOIN live b
        ON (a.address->>'city') = (b.address->>'city') AND lower(a.last_name) = lower(b.last_name) AND a.id < b.id
       AND a.search_text % b.search_text
    )
    SELECT a_id, b_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons
      FROM pairs GROUP BY a_id, b_id
     ORDER BY count(DISTINCT reason) DESC, a_id, b_id
     LIMIT ${limit}`,
  );
}

export function findCompanyPairs(db: Executor, workspaceId: string, limit: number) {
  return rows<DuplicatePairRow>(
    db,
    sql`
    WITH live AS (SELECT * FROM companies WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL),
    pairs AS (
      SELECT a.id AS a_id, b.id AS b_id, 'domain' AS reason FROM live a JOIN live b ON a.domain = b.domain AND a.id < b.id
      UNION ALL
      SELECT a.id, b.id, 'phone' FROM live a JOIN live b ON a.phone = b.phone AND a.id < b.id
      UNION ALL
      SELECT a.id, b.id, 'name_city' FROM live a JOIN live b
        ON coalesce(a.address->>'city', '') = coalesce(b.address->>'city', '') AND a.id < b.id AND a.search_text % b.search_text
    )
    SELECT a_id, b_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons
      FROM pairs GROUP BY a_id, b_id
     ORDER BY count(DISTINCT reason) DESC, a_id, b_id
     LIMIT ${limit}`,
  );
}

/** Existing people that a new person with these values would duplicate. */
export function findPersonCandidates(
  db: Executor,
  options: {
    workspaceId: string;
    email: string | null;
    phone: string | null;
    searchText: string | null;
    companyId: string | null;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (options.email)
    conditions.push(
      sql`lower(email) = ${options.email}`,
      sql`additional_emails @> ${JSON.stringify([options.email])}::jsonb`,
    );
  if (options.phone)
    conditions.push(
      sql`phone = ${options.phone}`,
      sql`additional_phones @> ${JSON.stringify([options.phone])}::jsonb`,
    );
  if (options.searchText && options.companyId)
    conditions.push(sql`(company_id = ${options.companyId} AND ${options.searchText} <% search_text)`);
  if (!conditions.length) return Promise.resolve([] as { id: string }[]);
  return rows<{ id: string }>(
    db,
    sql`SELECT id FROM people WHERE workspace_id = ${options.workspaceId} AND deleted_at IS NULL AND (${sql.join(conditions, sql` OR `)})
        ORDER BY id LIMIT ${options.limit}`,
  );
}

export function findCompanyCandidates(
  db: Executor,
  options: {
    workspaceId: string;
    domain: string | null;
    phone: string | null;
    searchText: string | null;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (options.domain) conditions.push(sql`domain = ${options.domain}`);
  if (options.phone) conditions.push(sql`phone = ${options.phone}`);
  if (options.searchText) conditions.push(sql`${options.searchText} <% search_text`);
  if (!conditions.length) return Promise.resolve([] as { id: string }[]);
  return rows<{ id: string }>(
    db,
    sql`SELECT id FROM companies WHERE workspace_id = ${options.workspaceId} AND deleted_at IS NULL AND (${sql.join(conditions, sql` OR `)})
        ORDER BY id LIMIT ${options.limit}`,
  );
}
