import { useQuery } from "@tanstack/react-query";
import type { paths } from "../../lib/api.gen.ts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";
import type { RecordObject } from "./record-config.ts";

type SavedViewsGet = paths["/api/v1/saved-views"]["get"]["responses"][200]["content"]["application/json"];
type SavedViewCreate = NonNullable<
  paths["/api/v1/saved-views"]["post"]["requestBody"]
>["content"]["application/json"];
export type SavedView = SavedViewsGet["data"][number];
export type SavedViewInput = Omit<SavedView, "id" | "ownerId" | "filters" | "createdAt" | "updatedAt"> & {
  filters: { field: string; op: string; value: string }[];
};

export function useSavedViews(object: RecordObject) {
  return useQuery({
    queryKey: ["saved-views", object],
    queryFn: async () =>
      (
        unwrap(await api.GET("/api/v1/saved-views", { params: { query: { object } } })) as {
          data: SavedView[];
        }
      ).data,
  });
}

export async function createSavedView(input: SavedViewInput): Promise<SavedView> {
  const view = unwrap(await api.POST("/api/v1/saved-views", { body: input as SavedViewCreate })) as SavedView;
  await queryClient.invalidateQueries({ queryKey: ["saved-views", input.object] });
  return view;
}

export async function updateSavedView(view: SavedView, input: Partial<SavedViewInput>): Promise<SavedView> {
  const updated = unwrap(
    await api.PATCH("/api/v1/saved-views/{id}", {
      params: { path: { id: view.id } },
      body: input as Partial<SavedViewCreate>,
    }),
  ) as SavedView;
  await queryClient.invalidateQueries({ queryKey: ["saved-views", view.object] });
  return updated;
}

export async function deleteSavedView(view: SavedView): Promise<void> {
  unwrap(await api.DELETE("/api/v1/saved-views/{id}", { params: { path: { id: view.id } } }));
  await queryClient.invalidateQueries({ queryKey: ["saved-views", view.object] });
}
