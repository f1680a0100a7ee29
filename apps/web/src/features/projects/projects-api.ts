import type { TMilestone, TProject, TProjectCreateRequest, TProjectUpdateRequest } from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";

/** Projects sorted by deadline (the server's default order), optionally those of one company. */
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

export const projectQuery = (id: string) => ({
  queryKey: ["projects", "one", id],
  queryFn: async () =>
    unwrap(await api.GET("/api/v1/projects/{id}", { params: { path: { id } } })) as TProject,
});

export async function createProject(body: TProjectCreateRequest): Promise<TProject> {
  return unwrap(await api.POST("/api/v1/projects", { body })) as TProject;
}

/** PATCH with `If-Match: <version>`; a stale version fails with 412 `version_conflict` and changes nothing. */
export async function updateProject(
  project: Pick<TProject, "id" | "version">,
  body: TProjectUpdateRequest,
): Promise<TProject> {
  return unwrap(
    await api.PATCH("/api/v1/projects/{id}", {
      params: { path: { id: project.id } },
      body,
      headers: { "If-Match": String(project.version) },
    }),
  ) as TProject;
}

export async function setProjectStatus(id: string, status: TProject["status"]): Promise<TProject> {
  return unwrap(
    await api.PATCH("/api/v1/projects/{id}", { params: { path: { id } }, body: { status } }),
  ) as TProject;
}

/**
 * Saves the whole milestone list at once (the server replaces it) with `If-Match: <milestonesVersion>`:
 * if someone else saved the milestones meanwhile it fails with 412 `version_conflict` and changes nothing.
 */
export async function saveMilestones(
  project: Pick<TProject, "id" | "milestonesVersion">,
  milestones: Pick<TMilestone, "title" | "dueDate" | "done">[],
): Promise<TProject> {
  return unwrap(
    await api.PUT("/api/v1/projects/{id}/milestones", {
      params: { path: { id: project.id } },
      body: { milestones: milestones.map(({ title, dueDate, done }) => ({ title, dueDate, done })) },
      headers: { "If-Match": String(project.milestonesVersion) },
    }),
  ) as TProject;
}

export async function deleteProject(id: string): Promise<void> {
  unwrap(await api.DELETE("/api/v1/projects/{id}", { params: { path: { id } } }));
}
