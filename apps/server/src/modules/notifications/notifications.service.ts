import { EventEmitter } from "node:events";
import type { TNotification, TNotificationSettings } from "@kontor/contracts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../lib/policy.ts";
import * as repo from "./notifications.repository.ts";

export function presentNotification(row: repo.NotificationRow): TNotification {
  return {
    id: row.id,
    type: row.type as TNotification["type"],
    title: row.title,
    body: row.body,
    recordType: row.recordType,
    recordId: row.recordId,
    actorId: row.actorId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const DEFAULT_SETTINGS: TNotificationSettings = { mention: true, task_reminder: true, task_assigned: true };

/**
 * Wakes this process's live streams of a user: fed by the database's NOTIFY on
 * `NOTIFICATION_CHANNEL`, which `insertNotification` sends in the writing transaction, so a
 * notification committed by any process (web or worker) reaches every open stream.
 */
export const notificationSignals = new EventEmitter().setMaxListeners(0);

export function createNotificationsService({ db }: { db: Database }) {
  return {
    async list(
      actor: Actor,
      options: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
    ) {
      const rows = await repo.listNotifications(db, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        limit: options.limit,
        ...(options.cursor ? { beforeId: options.cursor } : {}),
        ...(options.unread ? { unreadOnly: true } : {}),
      });
      const page = rows.slice(0, options.limit);
      return {
        data: page.map(presentNotification),
        nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
        unreadCount: await repo.countUnread(db, actor.workspaceId, actor.userId),
      };
    },

    unreadCount: (actor: Actor) => repo.countUnread(db, actor.workspaceId, actor.userId),

    async markRead(actor: Actor, id: string): Promise<TNotification> {
      await repo.markRead(db, { workspaceId: actor.workspaceId, userId: actor.userId, id });
      const row = await repo.findNotification(db, actor.workspaceId, actor.userId, id);
      if (!row) throw new AppError("notification_not_found", "No such notification.");
      return presentNotification(row);
    },

    async markAllRead(actor: Actor) {
      const rows = await repo.markRead(db, { workspaceId: actor.workspaceId, userId: actor.userId });
      return { updated: rows.length };
    },

    async settings(actor: Actor): Promise<TNotificationSettings> {
      return { ...DEFAULT_SETTINGS, ...(await repo.findSettings(db, actor.workspaceId, actor.userId)) };
    },

    async updateSettings(actor: Actor, settings: Partial<TNotificationSettings>) {
      const merged = { ...(await this.settings(actor)), ...settings };
      await repo.upsertSettings(db, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        settings: merged,
      });
      return merged;
    },

    /** Notifications after `afterId` for the live stream. */
    async since(actor: Actor, afterId: string) {
      const rows = await repo.listNotificationsAfter(db, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        afterId,
      });
      return rows.map(presentNotification);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
