import { ZRelation, ZRelationCreateRequest } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { RelationsService } from "./relations.service.ts";

const tags = ["Relations"];

export function relationsRoutes({ relations }: { relations: RelationsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/relations", {
      schema: {
        tags,
        summary: "Relations of a person or company (both directions)",
        querystring: z.object({ recordId: z.uuid() }),
        response: { 200: z.object({ data: z.array(ZRelation) }) },
      },
      handler: async (request) => ({ data: await relations.list(actorOf(request), request.query.recordId) }),
    });

    app.post("/relations", {
      schema: {
        tags,
        summary: "Relate two records with a label",
        body: ZRelationCreateRequest,
        response: { 201: ZRelation },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await relations.create(actorOf(request), request.body)),
    });

    app.delete("/relations/:id", {
      schema: { tags, summary: "Remove a relation", params: ZIdParams, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await relations.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
