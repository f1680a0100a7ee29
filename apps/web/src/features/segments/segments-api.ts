import type { TSegment, TSegmentCreateRequest, TSegmentDefinition } from "@kontor/contracts";
import { queryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";
import type { AnyRecord, RecordObject } from "../records/record-config.ts";
import { PAGE_SIZE } from "../records/records-api.ts";

export type Segment = TSegment;
export type SegmentDefinition = TSegmentDefinition;
type Count = { count: number };
type MembersPage<T> = { object: RecordObject; data: T[]; nextCursor: string | null };

export function segmentsQuery(object?: RecordObject) {
  return queryOptions({
    queryKey: ["segments", "list", object ?? "all"],
    queryFn: async () =>
      (
        unwrap(await api.GET("/api/v1/segments", { params: { query: object ? { object } : {} } })) as {
          data: Segment[];
        }
      ).data,
  });
}

export function segmentQuery(id: string) {
  return queryOptions({
    queryKey: ["segments", "detail", id],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/segments/{id}", { params: { path: { id } } })) as Segment,
  });
}

/** The live member count of a saved segment; dynamic ones are counted anew on each request. */
export function segmentCountQuery(id: string) {
  return queryOptions({
    queryKey: ["segments", "count", id],
    staleTime: 0,
    queryFn: async () =>
      (unwrap(await api.GET("/api/v1/segments/{id}/count", { params: { path: { id } } })) as Count).count,
  });
}

/** Counts what a definition would match without saving it; field errors come back at their path. */
export async function previewSegment(
  { object, definition }: { object: RecordObject; definition: SegmentDefinition },
  signal?: AbortSignal,
): Promise<number> {
  const result = await api.POST("/api/v1/segments/preview", { body: { object, definition }, signal });
  return (unwrap(result) as Count).count;
}

export async function createSegment(body: TSegmentCreateRequest): Promise<Segment> {
  const segment = unwrap(await api.POST("/api/v1/segments", { body: body as never })) as Segment;
  await queryClient.invalidateQueries({ queryKey: ["segments", "list"] });
  return segment;
}

export async function updateSegment(
  id: string,
  body: { name?: string; definition?: SegmentDefinition; description?: string | null },
): Promise<Segment> {
  const segment = unwrap(
    await api.PATCH("/api/v1/segments/{id}", { params: { path: { id } }, body: body as never }),
  ) as Segment;
  queryClient.setQueryData(segmentQuery(id).queryKey, segment);
  await queryClient.invalidateQueries({ queryKey: ["segments"] });
  return segment;
}

export async function deleteSegment(id: string): Promise<void> {
  unwrap(await api.DELETE("/api/v1/segments/{id}", { params: { path: { id } } }));
  await queryClient.invalidateQueries({ queryKey: ["segments", "list"] });
}

/** Adds records to a static segment (at most 1,000 per call); resolves to the new member count. */
export async function addSegmentMembers(id: string, ids: string[]): Promise<number> {
  let count = 0;
  for (let start = 0; start < ids.length; start += 1000) {
    const body = { ids: ids.slice(start, start + 1000) };
    const result = await api.POST("/api/v1/segments/{id}/members", { params: { path: { id } }, body });
    count = (unwrap(result) as Count).count;
  }
  await queryClient.invalidateQueries({ queryKey: ["segments"] });
  return count;
}

export async function removeSegmentMembers(id: string, ids: string[]): Promise<number> {
  let count = 0;
  for (let start = 0; start < ids.length; start += 1000) {
    const body = { ids: ids.slice(start, start + 1000) };
    const result = await api.POST("/api/v1/segments/{id}/members/remove", {
      params: { path: { id } },
      body,
    });
    count = (unwrap(result) as Count).count;
  }
  await queryClient.invalidateQueries({ queryKey: ["segments"] });
  return count;
}

/** Members page by page over `nextCursor`, like the people and companies lists. */
export function useSegmentMembers<T extends AnyRecord>(id: string, sort: string | null) {
  return useInfiniteQuery({
    queryKey: ["segments", "members", id, sort],
    queryFn: async ({ pageParam }) => {
      const query: Record<string, string | number> = { limit: PAGE_SIZE };
      if (pageParam) query.cursor = pageParam;
      if (sort) query.sort = sort;
      const result = await api.GET("/api/v1/segments/{id}/members", {
        params: { path: { id }, query: query as never },
      });
      return unwrap(result) as unknown as MembersPage<T>;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}
