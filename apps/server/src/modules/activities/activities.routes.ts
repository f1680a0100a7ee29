import {
  ZActivity,
  ZActivityCreateRequest,
  ZActivityList,
  ZActivityUpdateRequest,
  ZFollowUpRequest,
  ZListQuery,
  ZTask,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ifMatchVersion, ZIdParams } from "../../http/request-context.ts";
import type { ActivitiesService } from "./activities.service.ts";

const tags = ["Activities"];

export function activitiesRoutes({ activities }: { activities: ActivitiesService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/activities", {
      schema: {
        tags,
        summary: "List activities",
        description:
          "Filters on type, subject, occurredAt, createdAt, authorId, outcome; `recordId=<uuid>` keeps " +
          "activities linked to that person or company. Default sort `-occurredAt`.",
        querystring: ZListQuery,
        response: { 200: ZActivityList },
      },
      handler: (request) => activities.list(actorOf(request), listRequestOf(request.query)),
    });

    app.post("/activities", {
      schema: {
        tags,
        summary: "Log an activity (note, call, meeting, email, letter)",
        description:
          "The body is HTML; it is sanitised on the server (scripts and event handlers are removed).",
        body: ZActivityCreateRequest,
        response: { 201: ZActivity },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await activities.create(actorOf(request), request.body)),
    });

    app.get("/activities/:id", {
      schema: { tags, summary: "Get an activity", params: ZIdParams, response: { 200: ZActivity } },
      handler: async (request, reply) => {
        const activity = await activities.get(actorOf(request), request.params.id);
        return reply.header("etag", `"${activity.version}"`).send(activity);
      },
    });

    app.patch("/activities/:id", {
      schema: {
        tags,
        summary: "Update an activity",
        params: ZIdParams,
        body: ZActivityUpdateRequest,
        response: { 200: ZActivity },
      },
      handler: async (request, reply) => {
        const activity = await activities.update(
          actorOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        );
        return reply.header("etag", `"${activity.version}"`).send(activity);
      },
    });

    app.delete("/activities/:id", {
      schema: {
        tags,
        summary: "Move an activity to the trash",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await activities.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/activities/:id/restore", {
      schema: {
        tags,
        summary: "Restore an activity from the trash",
        params: ZIdParams,
        response: { 200: ZActivity },
      },
      handler: (request) => activities.restore(actorOf(request), request.params.id),
    });

    app.post("/activities/:id/follow-up", {
      schema: {
        tags,
        summary: "Follow up in N days: create a task linked like the activity",
        params: ZIdParams,
        body: ZFollowUpRequest,
        response: { 201: ZTask },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await activities.followUp(actorOf(request), request.params.id, request.body)),
    });
  };
}
