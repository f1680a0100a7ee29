import type { TCustomField, TMember, TWorkspaceSettings } from "@kontor/contracts";
import { type InfiniteData, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";
import type { AnyRecord, FilterCondition, ListParams, RecordObject } from "./record-config.ts";

export const PAGE_SIZE = 100;
type Segment = "people" | "companies";
type Page<T> = { data: T[]; nextCursor: string | null };

export function segmentOf(object: RecordObject): Segment {
  return object === "person" ? "people" : "companies";
}

/** Flattens filter conditions into `filter[field][op]=value` query keys. */
export function toQuery(params: Partial<ListParams> & { cursor?: string | null; limit?: number }) {
  const query: Record<string, string | number> = { limit: params.limit ?? PAGE_SIZE };
  if (params.cursor) query.cursor = params.cursor;
  if (params.sort) query.sort = params.sort;
  if (params.q?.trim()) query.q = params.q.trim();
  for (const condition of params.filters ?? []) {
    if (!condition.field || !condition.op) continue;
    query[`filter[${condition.field}][${condition.op}]`] = condition.value;
  }
  return query;
}

export async function listRecords<T extends AnyRecord>(
  segment: Segment,
  params: Partial<ListParams> & { cursor?: string | null; limit?: number },
): Promise<Page<T>> {
  const path = `/api/v1/${segment}` as "/api/v1/people";
  return unwrap(await api.GET(path, { params: { query: toQuery(params) } })) as unknown as Page<T>;
}

export function listKey(segment: Segment, params?: ListParams) {
  return params ? [segment, "list", params] : [segment, "list"];
}

export function useRecordList<T extends AnyRecord>(segment: Segment, params: ListParams) {
  return useInfiniteQuery({
    queryKey: listKey(segment, params),
    queryFn: ({ pageParam }) => listRecords<T>(segment, { ...params, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function recordQuery<T extends AnyRecord>(segment: Segment, id: string) {
  return queryOptions({
    queryKey: [segment, "detail", id],
    queryFn: async () => {
      const path = `/api/v1/${segment}/{id}` as "/api/v1/people/{id}";
      return unwrap(await api.GET(path, { params: { path: { id } } })) as unknown as T;
    },
  });
}

export async function createRecord<T extends AnyRecord>(segment: Segment, body: unknown): Promise<T> {
  const path = `/api/v1/${segment}` as "/api/v1/people";
  return unwrap(await api.POST(path, { body: body as never })) as unknown as T;
}

/** PATCH with `If-Match: <version>`; a stale version fails with 412 `version_conflict`. */
export async function patchRecord<T extends AnyRecord>(
  segment: Segment,
  record: T,
  body: unknown,
): Promise<T> {
  const path = `/api/v1/${segment}/{id}` as "/api/v1/people/{id}";
  const updated = unwrap(
    await api.PATCH(path, {
      params: { path: { id: record.id } },
      body: body as never,
      headers: { "If-Match": String(record.version) },
    }),
  ) as unknown as T;
  replaceInCaches(segment, updated);
  return updated;
}

export async function deleteRecord(segment: Segment, id: string): Promise<void> {
  const path = `/api/v1/${segment}/{id}` as "/api/v1/people/{id}";
  unwrap(await api.DELETE(path, { params: { path: { id } } }));
}

/** Puts a fresh record into every cached list page and its detail query. */
export function replaceInCaches<T extends AnyRecord>(segment: Segment, record: T) {
  queryClient.setQueryData([segment, "detail", record.id], record);
  queryClient.setQueriesData<InfiniteData<Page<T>>>({ queryKey: [segment, "list"] }, (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        data: page.data.map((item) => (item.id === record.id ? record : item)),
      })),
    };
  });
}

export function customFieldsQuery(object: RecordObject) {
  return queryOptions({
    queryKey: ["custom-fields", object],
    queryFn: async () =>
      (
        unwrap(await api.GET("/api/v1/custom-fields", { params: { query: { object } } })) as {
          data: TCustomField[];
        }
      ).data,
    staleTime: 5 * 60_000,
  });
}

export function useCustomFields(object: RecordObject) {
  return useQuery(customFieldsQuery(object)).data ?? [];
}

/** Members of the workspace; only admins may list them, so others get an empty list. */
export function useMembers() {
  return useQuery({
    queryKey: ["members"],
    queryFn: async () => {
      const result = await api.GET("/api/v1/members");
      if (!result.response.ok) return [] as TMember[];
      return (result.data as { data: TMember[] }).data;
    },
    staleTime: 5 * 60_000,
  }).data;
}

export const workspaceSettingsQuery = queryOptions({
  queryKey: ["workspace-settings"],
  queryFn: async () => unwrap(await api.GET("/api/v1/workspace/settings")) as TWorkspaceSettings,
  staleTime: 5 * 60_000,
});

export function sameFilters(a: FilterCondition[], b: FilterCondition[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
