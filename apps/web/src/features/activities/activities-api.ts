import type {
  TActivity,
  TActivityCreateRequest,
  TFollowUpRequest,
  TimelineKind,
  TTimelineItem,
} from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";

export type TimelineRecord = { recordType: "person" | "company"; recordId: string };

export async function fetchTimeline(record: TimelineRecord, kinds: TimelineKind[], cursor: string | null) {
  const query = {
    limit: 25,
    ...(cursor ? { cursor } : {}),
    ...(kinds.length ? { types: kinds.join(",") } : {}),
  };
  const result =
    record.recordType === "person"
      ? await api.GET("/api/v1/people/{id}/timeline", { params: { path: { id: record.recordId }, query } })
      : await api.GET("/api/v1/companies/{id}/timeline", {
          params: { path: { id: record.recordId }, query },
        });
  return unwrap(result) as { data: TTimelineItem[]; nextCursor: string | null };
}

export async function createActivity(body: TActivityCreateRequest): Promise<TActivity> {
  return unwrap(await api.POST("/api/v1/activities", { body })) as TActivity;
}

export async function followUp(activityId: string, body: TFollowUpRequest) {
  return unwrap(
    await api.POST("/api/v1/activities/{id}/follow-up", { params: { path: { id: activityId } }, body }),
  );
}

/** Timelines, task lists and calendars show activity from everywhere: refresh them all. */
export function invalidateWork() {
  for (const key of ["timeline", "tasks", "appointments", "comments", "documents", "projects"]) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}
