import { ZTrashItem } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/request-context.ts";
import type { TrashService } from "./trash.service.ts";

export function trashRoutes({ trash }: { trash: TrashService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/trash", {
      schema: {
        tags: ["Trash"],
        summary: "Deleted people and companies, restorable for 30 days",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ data: z.array(ZTrashItem), nextCursor: z.string().nullable() }) },
      },
      handler: (request) =>
        trash.list(actorOf(request), { limit: request.query.limit, before: request.query.cursor }),
    });
  };
}
