import type { ServerResponse } from "node:http";
import { ZNotification, ZNotificationList, ZNotificationSettings } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client.ts";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import { NOTIFICATION_CHANNEL } from "./notifications.repository.ts";
import { type NotificationsService, notificationSignals } from "./notifications.service.ts";

const tags = ["Notifications"];
/** Streams are woken by NOTIFY; this slow poll only covers a listening connection that was lost. */
const POLL_MS = 30_000;
const HEARTBEAT_MS = 15_000;
const ZERO_ID = "00000000-0000-0000-0000-000000000000";

export function notificationsRoutes(
  { notifications }: { notifications: NotificationsService },
  database: Pick<DatabaseHandle, "listen">,
): FastifyPluginAsyncZod {
  return async (app) => {
    const openStreams = new Set<ServerResponse>();
    // every process wakes its own streams when any process commits a notification
    const stopListening = await database.listen(NOTIFICATION_CHANNEL, (userId) =>
      notificationSignals.emit(userId),
    );
    app.addHook("preClose", async () => {
      for (const stream of openStreams) stream.end();
    });
    app.addHook("onClose", stopListening);

    app.get("/notifications", {
      schema: {
        tags,
        summary: "My notifications, newest first, with the unread count",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
          unread: z
            .enum(["true", "false"])
            .optional()
            .transform((value) => value === "true"),
        }),
        response: { 200: ZNotificationList },
      },
      handler: (request) => notifications.list(actorOf(request), request.query),
    });

    app.get("/notifications/unread-count", {
      schema: {
        tags,
        summary: "How many notifications I have not read",
        response: { 200: z.object({ count: z.int() }) },
      },
      handler: async (request) => ({ count: await notifications.unreadCount(actorOf(request)) }),
    });

    app.post("/notifications/:id/read", {
      schema: {
        tags,
        summary: "Mark one notification read",
        params: ZIdParams,
        response: { 200: ZNotification },
      },
      handler: (request) => notifications.markRead(actorOf(request), request.params.id),
    });

    app.post("/notifications/read-all", {
      schema: {
        tags,
        summary: "Mark all my notifications read",
        response: { 200: z.object({ updated: z.int() }) },
      },
      handler: (request) => notifications.markAllRead(actorOf(request)),
    });

    app.get("/notifications/settings", {
      schema: { tags, summary: "Which events notify me", response: { 200: ZNotificationSettings } },
      handler: (request) => notifications.settings(actorOf(request)),
    });

    app.put("/notifications/settings", {
      schema: {
        tags,
        summary: "Choose which events notify me",
        body: ZNotificationSettings.partial(),
        response: { 200: ZNotificationSettings },
      },
      handler: (request) => notifications.updateSettings(actorOf(request), request.body),
    });

    app.get("/notifications/stream", {
      schema: {
        tags,
        summary: "Live notifications as server-sent events",
        description:
          "`text/event-stream`: an `unread` event with `{ count }` at once and after every change, a " +
          "`notification` event per new notification (its id as the event id; send `Last-Event-ID` " +
          "to resume), and a comment line every 15 s.",
        headers: z.object({ "last-event-id": z.uuid().optional() }).loose(),
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        let lastId = request.headers["last-event-id"]
          ? String(request.headers["last-event-id"])
          : ((await notifications.list(actor, { limit: 1 })).data[0]?.id ?? ZERO_ID);
        reply.hijack();
        const stream = reply.raw;
        stream.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          connection: "keep-alive",
          "x-accel-buffering": "no",
        });
        openStreams.add(stream);
        let closed = false;
        let busy = false;
        const sendUnread = async () => {
          const count = await notifications.unreadCount(actor);
          if (!closed) stream.write(`event: unread\ndata: ${JSON.stringify({ count })}\n\n`);
        };
        const poll = async () => {
          if (busy || closed) return;
          busy = true;
          try {
            const fresh = await notifications.since(actor, lastId);
            for (const item of fresh) {
              if (closed) break;
              stream.write(`id: ${item.id}\nevent: notification\ndata: ${JSON.stringify(item)}\n\n`);
              lastId = item.id;
            }
            if (fresh.length) await sendUnread();
          } catch (error) {
            request.log.warn({ err: error }, "notification stream poll failed");
          } finally {
            busy = false;
          }
        };
        const onSignal = () => void poll();
        const pollTimer = setInterval(onSignal, POLL_MS);
        const heartbeat = setInterval(() => stream.write(": keep-alive\n\n"), HEARTBEAT_MS);
        notificationSignals.on(actor.userId, onSignal);
        const close = () => {
          closed = true;
          clearInterval(pollTimer);
          clearInterval(heartbeat);
          notificationSignals.off(actor.userId, onSignal);
          openStreams.delete(stream);
        };
        stream.on("close", close);
        await sendUnread();
        await poll();
      },
    });
  };
}
