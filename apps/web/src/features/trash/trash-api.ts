import type { TrashRecordType } from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";

/** Where each kind of record is restored from the trash. */
const RESTORE_PATHS: Record<TrashRecordType, string> = {
  person: "/api/v1/people/{id}/restore",
  company: "/api/v1/companies/{id}/restore",
  activity: "/api/v1/activities/{id}/restore",
  task: "/api/v1/tasks/{id}/restore",
  appointment: "/api/v1/appointments/{id}/restore",
  project: "/api/v1/projects/{id}/restore",
  document: "/api/v1/documents/{id}/restore",
  comment: "/api/v1/comments/{id}/restore",
};

/** Every cached query a delete or restore can change: lists, timelines, My tasks, the trash. */
const AFFECTED_QUERIES = [
  "trash",
  "people",
  "companies",
  "timeline",
  "tasks",
  "appointments",
  "comments",
  "documents",
  "projects",
];

/** Takes a record of any kind out of the trash and refreshes what shows it. */
export async function restoreFromTrash(recordType: TrashRecordType, id: string): Promise<void> {
  const path = RESTORE_PATHS[recordType] as "/api/v1/activities/{id}/restore";
  unwrap(await api.POST(path, { params: { path: { id } } }));
  await invalidateTrashed();
}

/** Refreshes the trash and every list a record of any kind appears in. */
export async function invalidateTrashed(): Promise<void> {
  await Promise.all(AFFECTED_QUERIES.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}
