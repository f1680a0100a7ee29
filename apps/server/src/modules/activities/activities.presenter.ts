import type { TActivity, TRecordLink } from "@kontor/contracts";
import type { ActivityWithAuthor } from "./activities.repository.ts";

export function presentActivity(
  { activity, authorName }: ActivityWithAuthor,
  links: TRecordLink[],
): TActivity {
  return {
    id: activity.id,
    type: activity.type as TActivity["type"],
    subject: activity.subject,
    body: activity.bodyHtml,
    occurredAt: activity.occurredAt.toISOString(),
    authorId: activity.authorId,
    authorName,
    direction: activity.direction as TActivity["direction"],
    durationMinutes: activity.durationMinutes,
    outcome: activity.outcome as TActivity["outcome"],
    links,
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
    createdBy: activity.createdBy,
    version: activity.version,
  };
}
