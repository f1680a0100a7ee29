import type { TDuplicatePair, TMerge } from "@kontor/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";
import type { AnyRecord, RecordObject } from "../records/record-config.ts";
import { segmentOf } from "../records/records-api.ts";

export type DuplicatePair = TDuplicatePair;
export type Merge = TMerge;
export type DuplicateSummary = { id: string; title: string; subtitle: string | null };

/** Values a new record would have; empty ones are left out of the check. */
export type DuplicateCheck =
  | {
      object: "person";
      email?: string;
      phone?: string;
      firstName?: string;
      lastName?: string;
      companyId?: string;
    }
  | { object: "company"; name?: string; domain?: string; phone?: string };

export function duplicatePairsQuery(object: RecordObject) {
  return queryOptions({
    queryKey: ["duplicates", "pairs", object],
    queryFn: async () =>
      (
        unwrap(await api.GET("/api/v1/duplicates", { params: { query: { object, limit: 100 } } })) as {
          data: DuplicatePair[];
        }
      ).data,
  });
}

export function duplicateCheckQuery(check: DuplicateCheck) {
  const query = Object.fromEntries(
    Object.entries(check).filter(([, value]) => typeof value === "string" && value.trim() !== ""),
  ) as DuplicateCheck;
  const hasValues = Object.keys(query).length > 1;
  return queryOptions({
    queryKey: ["duplicates", "check", query],
    enabled: hasValues,
    staleTime: 10_000,
    retry: false,
    queryFn: async ({ signal }) =>
      (
        unwrap(await api.GET("/api/v1/duplicates/check", { params: { query: query as never }, signal })) as {
          data: DuplicateSummary[];
        }
      ).data,
  });
}

export function mergesQuery(recordId: string) {
  return queryOptions({
    queryKey: ["merges", recordId],
    queryFn: async () =>
      (unwrap(await api.GET("/api/v1/merges", { params: { query: { recordId } } })) as { data: Merge[] })
        .data,
  });
}

/** Everything a merge or its undo changes: both lists, both records, the pairs and the trash. */
async function refreshAfterMerge(object: RecordObject, ids: string[], goneId?: string) {
  const segment = segmentOf(object);
  // The merged record is in the trash now; refetching it would only 404.
  if (goneId) queryClient.removeQueries({ queryKey: [segment, "detail", goneId] });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ["duplicates"] }),
    queryClient.invalidateQueries({ queryKey: [segment, "list"] }),
    queryClient.invalidateQueries({ queryKey: ["trash"] }),
    queryClient.invalidateQueries({ queryKey: ["segments"] }),
    queryClient.invalidateQueries({ queryKey: ["search"] }),
    ...ids
      .filter((id) => id !== goneId)
      .flatMap((id) => [
        queryClient.invalidateQueries({ queryKey: [segment, "detail", id] }),
        queryClient.invalidateQueries({ queryKey: ["merges", id] }),
      ]),
  ]);
}

export async function mergeRecords(body: {
  object: RecordObject;
  survivorId: string;
  mergedId: string;
}): Promise<{ merge: Merge; survivor: AnyRecord }> {
  const result = unwrap(await api.POST("/api/v1/merges", { body })) as { merge: Merge; survivor: AnyRecord };
  await refreshAfterMerge(body.object, [body.survivorId, body.mergedId], body.mergedId);
  return result;
}

export async function undoMerge(merge: Merge): Promise<Merge> {
  const result = unwrap(
    await api.POST("/api/v1/merges/{id}/undo", { params: { path: { id: merge.id } } }),
  ) as Merge;
  await refreshAfterMerge(merge.object, [merge.survivorId, merge.mergedId]);
  return result;
}
