import { z } from "zod";
import { listOf, ZRecordMeta, ZShortText } from "./common.ts";

/** Records an activity, task, appointment or project can be linked to. */
export const LINKABLE_RECORD_TYPES = ["person", "company"] as const;
export const ZLinkableRecordType = z.enum(LINKABLE_RECORD_TYPES);
export const ZRecordLink = z.object({ recordType: ZLinkableRecordType, recordId: z.uuid() });
export type TRecordLink = z.infer<typeof ZRecordLink>;
export const ZRecordLinks = z.array(ZRecordLink).max(50);

export const ACTIVITY_TYPES = ["note", "call", "meeting", "email", "letter"] as const;
export const ZActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ZActivityType>;
export const CALL_DIRECTIONS = ["inbound", "outbound"] as const;
export const CALL_OUTCOMES = ["reached", "no_answer", "voicemail", "busy", "wrong_number"] as const;

/** Rich text as HTML; the server sanitises it (scripts, event handlers and javascript: URLs go). */
export const ZRichText = z.string().max(100_000);

const activityFields = {
  type: ZActivityType,
  subject: ZShortText.min(1),
  body: ZRichText,
  occurredAt: z.iso.datetime({ offset: true }),
  direction: z.enum(CALL_DIRECTIONS).nullish(),
  durationMinutes: z
    .int()
    .min(0)
    .max(24 * 60)
    .nullish(),
  outcome: z.enum(CALL_OUTCOMES).nullish(),
  links: ZRecordLinks,
};

export const ZActivityCreateRequest = z.strictObject({
  ...activityFields,
  body: activityFields.body.optional(),
  occurredAt: activityFields.occurredAt.optional(),
  links: activityFields.links.optional(),
});
export type TActivityCreateRequest = z.infer<typeof ZActivityCreateRequest>;

export const ZActivityUpdateRequest = z.strictObject(activityFields).partial();
export type TActivityUpdateRequest = z.infer<typeof ZActivityUpdateRequest>;

export const ZActivity = ZRecordMeta.extend({
  type: ZActivityType,
  subject: z.string(),
  body: z.string(),
  occurredAt: z.iso.datetime(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  direction: z.enum(CALL_DIRECTIONS).nullable(),
  durationMinutes: z.int().nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  links: z.array(ZRecordLink),
});
export type TActivity = z.infer<typeof ZActivity>;
export const ZActivityList = listOf(ZActivity);

/** "Follow up in N days" from an activity: creates a task linked to the activity's records. */
export const ZFollowUpRequest = z.strictObject({
  days: z.int().min(0).max(3650),
  title: ZShortText.min(1).optional(),
  assigneeId: z.uuid().optional(),
  /** Local time of day for the due date, HH:MM in the task's time zone (default 09:00). */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  timeZone: z.string().max(64).optional(),
});
export type TFollowUpRequest = z.infer<typeof ZFollowUpRequest>;
