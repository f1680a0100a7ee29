import { z } from "zod";
import { ZActivity } from "./activities.ts";
import { ZAppointment } from "./appointments.ts";
import { ZAuditEntry } from "./audit.ts";
import { ZComment } from "./comments.ts";
import { ZTask } from "./tasks.ts";

export const TIMELINE_KINDS = ["activity", "task", "appointment", "comment", "audit"] as const;
export const ZTimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof ZTimelineKind>;

export const ZTimelineItem = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("activity"), id: z.uuid(), at: z.iso.datetime(), activity: ZActivity }),
  z.object({ kind: z.literal("task"), id: z.uuid(), at: z.iso.datetime(), task: ZTask }),
  z.object({
    kind: z.literal("appointment"),
    id: z.uuid(),
    at: z.iso.datetime(),
    appointment: ZAppointment,
  }),
  z.object({ kind: z.literal("comment"), id: z.uuid(), at: z.iso.datetime(), comment: ZComment }),
  z.object({ kind: z.literal("audit"), id: z.uuid(), at: z.iso.datetime(), audit: ZAuditEntry }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;
export const ZTimeline = z.object({ data: z.array(ZTimelineItem), nextCursor: z.string().nullable() });

export const ZTimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  /** Comma-separated kinds, e.g. `activity,task`; all kinds when absent. */
  types: z.string().max(200).optional(),
});
