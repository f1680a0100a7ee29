import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import {
  type SavedViewsService,
  ZSavedView,
  ZSavedViewCreateRequest,
  ZSavedViewUpdateRequest,
} from "./saved-views.service.ts";

const tags = ["Saved views"];

export function savedViewsRoutes({ savedViews }: { savedViews: SavedViewsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/saved-views", {
      schema: {
        tags,
        summary: "Your views and the shared ones",
        querystring: z.object({ object: z.enum(["person", "company"]).optional() }),
        response: { 200: z.object({ data: z.array(ZSavedView) }) },
      },
      handler: async (request) => ({ data: await savedViews.list(actorOf(request), request.query.object) }),
    });
    app.post("/saved-views", {
      schema: {
        tags,
        summary: "Save a list view",
        body: ZSavedViewCreateRequest,
        response: { 201: ZSavedView },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await savedViews.create(actorOf(request), request.body)),
    });
    app.patch("/saved-views/:id", {
      schema: {
        tags,
        summary: "Change a saved view",
        params: ZIdParams,
        body: ZSavedViewUpdateRequest,
        response: { 200: ZSavedView },
      },
      handler: (request) => savedViews.update(actorOf(request), request.params.id, request.body),
    });
    app.delete("/saved-views/:id", {
      schema: { tags, summary: "Delete a saved view", params: ZIdParams, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await savedViews.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
