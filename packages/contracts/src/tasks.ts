import { z } from "zod";
import { ZRecordLink, ZRecordLinks } from "./activities.ts";
import { listOf, ZLongText, ZRecordMeta, ZShortText } from "./common.ts";

export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const ZTaskPriority = z.enum(TASK_PRIORITIES);

/** An IANA time zone such as Europe/Berlin. */
export const ZTimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Unknown IANA time zone");

/**
 * Recurrence as an RFC 5545 RRULE (subset: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY,
 * BYMONTHDAY, COUNT, UNTIL), e.g. "FREQ=WEEKLY;BYDAY=MO,WE".
 */
export const ZRecurrence = z
  .string()
  .max(300)
  .regex(
    /^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY)(;[A-Z]+=[A-Z0-9,+-]+)*$/,
    "Use an RRULE such as FREQ=WEEKLY;BYDAY=MO",
  );

const taskFields = {
  title: ZShortText.min(1),
  description: ZLongText.nullish(),
  dueAt: z.iso.datetime({ offset: true }).nullish(),
  reminderAt: z.iso.datetime({ offset: true }).nullish(),
  assigneeId: z.uuid().nullish(),
  priority: ZTaskPriority,
  status: ZTaskStatus,
  recurrence: ZRecurrence.nullish(),
  timeZone: ZTimeZone,
  projectId: z.uuid().nullish(),
  links: ZRecordLinks,
};

export const ZTaskCreateRequest = z.strictObject({
  ...taskFields,
  priority: taskFields.priority.optional(),
  status: taskFields.status.optional(),
  timeZone: taskFields.timeZone.optional(),
  links: taskFields.links.optional(),
});
export type TTaskCreateRequest = z.infer<typeof ZTaskCreateRequest>;
export const ZTaskUpdateRequest = z.strictObject(taskFields).partial();
export type TTaskUpdateRequest = z.infer<typeof ZTaskUpdateRequest>;

export const ZSnoozeRequest = z.strictObject({
  /** Remind again at this time, or after this many minutes. */
  until: z.iso.datetime({ offset: true }).optional(),
  minutes: z
    .int()
    .min(1)
    .max(60 * 24 * 365)
    .optional(),
});

export const ZTask = ZRecordMeta.extend({
  title: z.string(),
  description: z.string().nullable(),
  dueAt: z.iso.datetime().nullable(),
  reminderAt: z.iso.datetime().nullable(),
  reminderSentAt: z.iso.datetime().nullable(),
  assigneeId: z.uuid().nullable(),
  priority: ZTaskPriority,
  status: ZTaskStatus,
  completedAt: z.iso.datetime().nullable(),
  recurrence: z.string().nullable(),
  timeZone: z.string(),
  activityId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  links: z.array(ZRecordLink),
});
export type TTask = z.infer<typeof ZTask>;
export const ZTaskList = listOf(ZTask);

export const ZMyTasks = z.object({
  overdue: z.array(ZTask),
  today: z.array(ZTask),
  upcoming: z.array(ZTask),
});
export type TMyTasks = z.infer<typeof ZMyTasks>;
