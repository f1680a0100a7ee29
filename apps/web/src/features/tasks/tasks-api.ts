import type { TMyTasks, TTask, TTaskCreateRequest } from "@kontor/contracts";
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
