import { z } from "zod";
import { listOf } from "./common.ts";

export const NOTIFICATION_TYPES = ["mention", "task_reminder", "task_assigned"] as const;
export const ZNotificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof ZNotificationType>;

export const ZNotification = z.object({
  id: z.uuid(),
  type: ZNotificationType,
  title: z.string(),
  body: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TNotification = z.infer<typeof ZNotification>;
export const ZNotificationList = listOf(ZNotification).extend({ unreadCount: z.int() });

/** Which events notify the user; every type is on unless switched off. */
export const ZNotificationSettings = z.strictObject({
  mention: z.boolean(),
  task_reminder: z.boolean(),
  task_assigned: z.boolean(),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;
