import type { TListQuery } from "@kontor/contracts";
import type { ListRequest } from "../lib/list-query.ts";

/** The list parameters of a validated query, keeping the raw keys for `filter[...]`. */
export function listRequestOf(query: TListQuery): ListRequest & { q?: string | undefined } {
  return {
    limit: query.limit,
    cursor: query.cursor,
    sort: query.sort,
    q: query.q,
    raw: query as Record<string, unknown>,
  };
}
