import {
  ZEmployment,
  ZListQuery,
  ZPerson,
  ZPersonCreateRequest,
  ZPersonList,
  ZPersonUpdateRequest,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ifMatchVersion, ZIdParams } from "../../http/request-context.ts";
import type { PeopleService } from "./people.service.ts";

const tags = ["People"];

export function peopleRoutes({ people }: { people: PeopleService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/people", {
      schema: { tags, summary: "List people", querystring: ZListQuery, response: { 200: ZPersonList } },
      handler: (request) => people.list(actorOf(request), listRequestOf(request.query)),
    });

    app.post("/people", {
      schema: { tags, summary: "Create a person", body: ZPersonCreateRequest, response: { 201: ZPerson } },
      handler: async (request, reply) =>
        reply.status(201).send(await people.create(actorOf(request), request.body)),
    });

    app.get("/people/:id", {
      schema: { tags, summary: "Get a person", params: ZIdParams, response: { 200: ZPerson } },
      handler: async (request, reply) => {
        const person = await people.get(actorOf(request), request.params.id);
        return reply.header("etag", `"${person.version}"`).send(person);
      },
    });

    app.patch("/people/:id", {
      schema: {
        tags,
        summary: "Update a person",
        description: "Send `If-Match: <version>`; a stale version gets 412 and changes nothing.",
        params: ZIdParams,
        body: ZPersonUpdateRequest,
        response: { 200: ZPerson },
      },
      handler: async (request, reply) => {
        const person = await people.update(
          actorOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        );
        return reply.header("etag", `"${person.version}"`).send(person);
      },
    });

    app.delete("/people/:id", {
      schema: { tags, summary: "Move a person to the trash", params: ZIdParams, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await people.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/people/:id/restore", {
      schema: {
        tags,
        summary: "Restore a person from the trash",
        params: ZIdParams,
        response: { 200: ZPerson },
      },
      handler: (request) => people.restore(actorOf(request), request.params.id),
    });

    app.get("/people/:id/employments", {
      schema: {
        tags,
        summary: "A person's companies over time",
        params: ZIdParams,
        response: { 200: z.object({ data: z.array(ZEmployment) }) },
      },
      handler: async (request) => ({ data: await people.employments(actorOf(request), request.params.id) }),
    });
  };
}
