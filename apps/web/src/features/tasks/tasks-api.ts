import type { TMyTasks, TTask, TTaskCreateRequest, TTaskUpdateRequest } from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const myTasksQuery = () => ({
  queryKey: ["tasks", "mine"],
  queryFn: async () =>
    unwrap(
      await api.GET("/api/v1/tasks/mine", { params: { query: { timeZone: browserTimeZone() } } }),
    ) as TMyTasks,
});

/** The tasks of a project: open ones first (by due date), then the done and cancelled ones. */
export const projectTasksQuery = (projectId: string) => ({
  queryKey: ["tasks", "project", projectId],
  queryFn: async () =>
    (
      unwrap(
        await api.GET("/api/v1/tasks", {
          params: { query: { limit: 200, "filter[projectId][eq]": projectId } as never },
        }),
      ) as { data: TTask[] }
    ).data,
});

export async function fetchTask(id: string): Promise<TTask> {
  return unwrap(await api.GET("/api/v1/tasks/{id}", { params: { path: { id } } })) as TTask;
}

export async function createTask(body: TTaskCreateRequest): Promise<TTask> {
  return unwrap(await api.POST("/api/v1/tasks", { body })) as TTask;
}

export async function completeTask(id: string): Promise<TTask> {
  return unwrap(await api.POST("/api/v1/tasks/{id}/complete", { params: { path: { id } } })) as TTask;
}

export async function reopenTask(id: string): Promise<TTask> {
  return unwrap(
    await api.PATCH("/api/v1/tasks/{id}", { params: { path: { id } }, body: { status: "open" } }),
  ) as TTask;
}

export async function snoozeTask(id: string, minutes: number): Promise<TTask> {
  return unwrap(
    await api.POST("/api/v1/tasks/{id}/snooze", { params: { path: { id } }, body: { minutes } }),
  ) as TTask;
}

/** PATCH with `If-Match: <version>`; a stale version fails with 412 `version_conflict` and changes nothing. */
export async function updateTask(
  task: Pick<TTask, "id" | "version">,
  body: TTaskUpdateRequest,
): Promise<TTask> {
  return unwrap(
    await api.PATCH("/api/v1/tasks/{id}", {
      params: { path: { id: task.id } },
      body,
      headers: { "If-Match": String(task.version) },
    }),
  ) as TTask;
}

export async function deleteTask(id: string): Promise<void> {
  unwrap(await api.DELETE("/api/v1/tasks/{id}", { params: { path: { id } } }));
}
