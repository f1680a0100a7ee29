import type { NotificationType } from "@kontor/contracts";
import { and, count, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { notificationSettings, notifications } from "../../db/schema/index.ts";
import { TRASH_TABLES } from "../records/soft-delete.ts";

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  workspaceId: string;
  userId: string;
  type: NotificationType;
  title: string;
  body?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  actorId?: string | null;
  /** One notification per user and key, ever: a repeated event inserts nothing. */
  dedupeKey: string;
}

export async function findSettings(db: Executor, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ settings: notificationSettings.settings })
    .from(notificationSettings)
    .where(and(eq(notificationSettings.workspaceId, workspaceId), eq(notificationSettings.userId, userId)));
  return row?.settings ?? {};
}

export async function upsertSettings(
  db: Executor,
  options: { workspaceId: string; userId: string; settings: Record<string, boolean> },
) {
  await db
    .insert(notificationSettings)
    .values(options)
    .onConflictDoUpdate({
      target: [notificationSettings.workspaceId, notificationSettings.userId],
      set: { settings: options.settings, updatedAt: new Date() },
    });
}

/** The NOTIFY channel on which a committed notification names its user (see `listen`). */
export const NOTIFICATION_CHANNEL = "kontor_notifications";

/**
 * Inserts a notification unless the user switched its type off or the same dedupe key was
 * already delivered. Returns the row when one was written.
 */
export async function insertNotification(db: Executor, notification: NewNotification) {
  const settings = await findSettings(db, notification.workspaceId, notification.userId);
  if (settings[notification.type] === false) return undefined;
  const [row] = await db
    .insert(notifications)
    .values({
      ...notification,
      body: notification.body ?? null,
      recordType: notification.recordType ?? null,
      recordId: notification.recordId ?? null,
      actorId: notification.actorId ?? null,
    })
    .onConflictDoNothing({
      target: [notifications.workspaceId, notifications.userId, notifications.dedupeKey],
    })
    .returning();
  // delivered to every listening process when the transaction commits, never before
  if (row) await db.execute(sql`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${row.userId})`);
  return row;
}

/**
 * Notifications shown to their user: those about no record, or about a record that is live. One
 * about a record in the trash is left out until the record is restored (a purge deletes it).
 */
const aboutLiveRecord = sql`CASE ${notifications.recordType} ${sql.join(
  Object.entries(TRASH_TABLES).map(
    ([recordType, table]) => sql`WHEN ${recordType} THEN EXISTS (SELECT 1 FROM ${sql.identifier(table)} r
      WHERE r.workspace_id = ${notifications.workspaceId} AND r.id = ${notifications.recordId}
        AND r.deleted_at IS NULL)`,
  ),
  sql` `,
)} ELSE true END`;

export function listNotifications(
  db: Executor,
  options: { workspaceId: string; userId: string; limit: number; beforeId?: string; unreadOnly?: boolean },
) {
  const conditions = [
    eq(notifications.workspaceId, options.workspaceId),
    eq(notifications.userId, options.userId),
    aboutLiveRecord,
  ];
  if (options.beforeId) conditions.push(lt(notifications.id, options.beforeId));
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(options.limit + 1);
}

/** Notifications newer than `afterId`, oldest first (for the live stream). */
export function listNotificationsAfter(
  db: Executor,
  options: { workspaceId: string; userId: string; afterId: string },
) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.workspaceId, options.workspaceId),
        eq(notifications.userId, options.userId),
        gt(notifications.id, options.afterId),
        aboutLiveRecord,
      ),
    )
    .orderBy(notifications.id)
    .limit(100);
}

export async function countUnread(db: Executor, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.workspaceId, workspaceId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        aboutLiveRecord,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function markRead(db: Executor, options: { workspaceId: string; userId: string; id?: string }) {
  const conditions = [
    eq(notifications.workspaceId, options.workspaceId),
    eq(notifications.userId, options.userId),
    isNull(notifications.readAt),
  ];
  // "all read" marks what the user sees; notifications about records in the trash wait for a restore
  conditions.push(options.id ? eq(notifications.id, options.id) : aboutLiveRecord);
  return db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notifications.id });
}

export async function findNotification(db: Executor, workspaceId: string, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.workspaceId, workspaceId),
        eq(notifications.userId, userId),
        eq(notifications.id, id),
      ),
    );
  return row;
}
