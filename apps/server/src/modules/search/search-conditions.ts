import { and, type SQL, sql } from "drizzle-orm";
import { escapeLike, queryWords } from "../../lib/search-text.ts";

/** Every word of the query occurs in the folded search text (trigram index: words of 3+ chars). */
export function textMatches(searchText: SQL, query: string): SQL {
  const words = queryWords(query);
  if (words.length === 0) return sql`true`;
  return and(...words.map((word) => sql`${searchText} LIKE ${`%${escapeLike(word)}%`}`))!;
}
