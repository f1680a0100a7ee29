import { ZTrashItem, ZTrashRecordType } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/request-context.ts";
import type { TrashService } from "./trash.service.ts";

export function trashRoutes({ trash }: { trash: TrashService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/trash", {
      schema: {
        tags: ["Trash"],
        summary: "Deleted records of every kind, newest first, restorable for 30 days",
        description:
          "People, companies, activities, tasks, appointments, projects, documents and comments. " +
          "`recordType` keeps one kind. Restore with `POST /<records>/{id}/restore`.",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
          recordType: ZTrashRecordType.optional(),
        }),
        response: { 200: z.object({ data: z.array(ZTrashItem), nextCursor: z.string().nullable() }) },
      },
      handler: (request) =>
        trash.list(actorOf(request), {
          limit: request.query.limit,
          before: request.query.cursor,
          types: request.query.recordType ? [request.query.recordType] : undefined,
        }),
    });
  };
}
