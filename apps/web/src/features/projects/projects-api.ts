import type { TProject, TProjectCreateRequest } from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";

export const projectsQuery = (companyId?: string) => ({
  queryKey: ["projects", companyId ?? "all"],
  queryFn: async () =>
    (
      unwrap(
        await api.GET("/api/v1/projects", {
          params: {
            query: { limit: 200, ...(companyId ? { "filter[companyId][eq]": companyId } : {}) } as never,
          },
        }),
      ) as { data: TProject[] }
    ).data,
});

export async function createProject(body: TProjectCreateRequest): Promise<TProject> {
  return unwrap(await api.POST("/api/v1/projects", { body })) as TProject;
}

export async function setProjectStatus(id: string, status: TProject["status"]): Promise<TProject> {
  return unwrap(
    await api.PATCH("/api/v1/projects/{id}", { params: { path: { id } }, body: { status } }),
  ) as TProject;
}
