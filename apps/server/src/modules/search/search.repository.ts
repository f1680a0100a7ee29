import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { escapeLike } from "../../lib/search-text.ts";

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
  /** The folded query words (LIKE patterns are escaped where they are built). */
  words: string[];
  email: string | null;
  phone: string | null;
  limit: number;
  /**
   * Typo phase: each query word may also be one of its similar known words (`similarWords`), and
   * these ids (the prefix phase's hits) are skipped.
   */
  typo?: { excludeIds: string[]; alternatives: SimilarWord[][] };
}

/** A word a query word may stand for, with its trigram similarity (1 for the word as typed). */
export interface SimilarWord {
  word: string;
  similarity: number;
}

/**
 * Every query word starts a word of the search text (or a part of a double name: "Dengler" finds
 * "Boxhammer-Dengler"). `LIKE '%w%'` is what the trigram index answers (one index scan per word);
 * the word-start test then filters the few candidates.
 */
function wordPrefixes(column: SQL, words: string[]): SQL {
  return sql.join(
    words
      .map(escapeLike)
      .map(
        (word) =>
          sql`(${column} LIKE ${`%${word}%`} AND (${column} LIKE ${`${word}%`} OR ${column} LIKE ${`% ${word}%`} OR ${column} LIKE ${`%-${word}%`}))`,
      ),
    sql` AND `,
  );
}

function textCondition(column: SQL, params: SearchParams): SQL {
  if (params.typo) {
    const exclude = params.typo.excludeIds.length
      ? sql` AND id NOT IN (${sql.join(
          params.typo.excludeIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
    // Every query word, as typed or as one of its similar known words, starts a word.
    const everyWord = sql.join(
      params.typo.alternatives.map(
        (alternatives) =>
          sql`(${sql.join(
            alternatives.map(({ word }) => wordPrefixes(column, [word])),
            sql` OR `,
          )})`,
      ),
      sql` AND `,
    );
    return sql`(${everyWord}${exclude})`;
  }
  return params.words.length ? sql`(${wordPrefixes(column, params.words)})` : sql`false`;
}

/**
 * The known words (search_words: the distinct name words of the workspace's people and companies,
 * decision 0020) that each query word matches by trigram word similarity above the transaction's
 * pg_trgm.word_similarity_threshold, the most similar whole words first. A few thousand words instead of a
 * million search texts: the typo search stays fast however many records share a trigram.
 */
export async function similarWords(
  db: Executor,
  workspaceId: string,
  words: string[],
  perWord: number,
): Promise<Map<string, SimilarWord[]>> {
  const found = new Map<string, SimilarWord[]>(words.map((word) => [word, []]));
  if (!words.length) return found;
  const result = (await db.execute(sql`
    SELECT q.word AS query, s.word, s.similarity
      FROM unnest(ARRAY[${sql.join(
        words.map((word) => sql`${word}`),
        sql`, `,
      )}]::text[]) AS q(word),
           LATERAL (SELECT word, similarity(q.word, word)::float8 AS similarity FROM search_words
                     WHERE workspace_id = ${workspaceId} AND q.word <% word AND word <> q.word
                     ORDER BY similarity(q.word, word) DESC, word LIMIT ${perWord}) AS s`)) as unknown as {
    rows: { query: string; word: string; similarity: number }[];
  };
  for (const row of result.rows)
    found.get(row.query)?.push({ word: row.word, similarity: Number(row.similarity) });
  return found;
}

/**
 * Ranking: exact email/phone first, then whole-word matches, then word similarity. In the typo
 * pass, a record matched through a closer known word ranks higher: each query word adds twice the
 * similarity of the best of its words the record has ("Spemeyer": Spelmeyer 0.58 before
 * Birkemeyer 0.33, though "Birkemeyer-Spinner" holds more of its trigrams).
 */
function score(column: SQL, params: SearchParams, exact: SQL): SQL {
  const closeness = params.typo
    ? sql.join(
        params.typo.alternatives.map(
          (alternatives) =>
            sql` + GREATEST(${sql.join(
              alternatives.map(
                ({ word, similarity }) =>
                  sql`CASE WHEN ${wordPrefixes(column, [word])} THEN ${2 * similarity}::float8 ELSE 0 END`,
              ),
              sql`, `,
            )})`,
        ),
        sql``,
      )
    : sql``;
  return sql`(${exact}
    + CASE WHEN (' ' || ${column} || ' ') LIKE ${`% ${escapeLike(params.folded)} %`} THEN 2 ELSE 0 END
    + CASE WHEN (' ' || ${column}) LIKE ${`% ${escapeLike(params.folded)}%`} THEN 1 ELSE 0 END
    + word_similarity(${params.folded}, ${column})${closeness})::float8`;
}

/**
 * People by word prefix (or, in the typo phase, trigram word similarity above the transaction's
 * pg_trgm.word_similarity_threshold), plus exact email and phone hits. Uses the trigram index on
 * search_text and the email/phone indexes.
 */
export async function searchPeople(db: Executor, params: SearchParams): Promise<SearchRow[]> {
  const text = sql`search_text`;
  const emailHit = params.email
    ? sql`(lower(email) = ${params.email} OR additional_emails @> ${JSON.stringify([params.email])}::jsonb)`
    : sql`false`;
  const phoneHit = params.phone
    ? sql`(phone = ${params.phone} OR additional_phones @> ${JSON.stringify([params.phone])}::jsonb)`
    : sql`false`;
  const where = params.typo
    ? textCondition(text, params)
    : sql`(${emailHit} OR ${phoneHit} OR ${textCondition(text, params)})`;
  const result = await db.execute(sql`
    SELECT id, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS title, coalesce(email, phone) AS subtitle,
           CASE WHEN ${emailHit} THEN 'email' WHEN ${phoneHit} THEN 'phone' ELSE 'text' END AS matched_by,
           ${score(text, params, sql`CASE WHEN ${emailHit} OR ${phoneHit} THEN 10 ELSE 0 END`)} AS score
      FROM people
     WHERE workspace_id = ${params.workspaceId} AND deleted_at IS NULL AND ${where}
     ORDER BY score DESC, id
     LIMIT ${params.limit}`);
  return (result as unknown as { rows: SearchRow[] }).rows;
}

export async function searchCompanies(db: Executor, params: SearchParams): Promise<SearchRow[]> {
  const text = sql`search_text`;
  const domain = params.email ? (params.email.split("@")[1] ?? "") : "";
  const phoneHit = params.phone ? sql`phone = ${params.phone}` : sql`false`;
  const domainHit = domain ? sql`domain = ${domain}` : sql`false`;
  const where = params.typo
    ? textCondition(text, params)
    : sql`(${phoneHit} OR ${domainHit} OR ${textCondition(text, params)})`;
  const result = await db.execute(sql`
    SELECT id, name AS title, coalesce(domain, address->>'city') AS subtitle,
           CASE WHEN ${phoneHit} THEN 'phone' WHEN ${domainHit} THEN 'email' ELSE 'text' END AS matched_by,
           ${score(text, params, sql`CASE WHEN ${phoneHit} THEN 10 WHEN ${domainHit} THEN 5 ELSE 0 END`)} AS score
      FROM companies
     WHERE workspace_id = ${params.workspaceId} AND deleted_at IS NULL AND ${where}
     ORDER BY score DESC, id
     LIMIT ${params.limit}`);
  return (result as unknown as { rows: SearchRow[] }).rows;
}
