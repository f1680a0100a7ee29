import type { TSearchHit, TSearchResult } from "@kontor/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";

export type SearchHit = TSearchHit;
export type SearchGroup = TSearchResult["groups"][number];

/** Ranked, grouped hits for people and companies (`GET /api/v1/search`); one request for every group. */
export function searchQuery({ q, limit = 5 }: { q: string; limit?: number }) {
  return queryOptions({
    queryKey: ["search", q, limit],
    enabled: q.length > 0,
    staleTime: 10_000,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET("/api/v1/search", { params: { query: { q, limit } }, signal })) as TSearchResult,
  });
}
