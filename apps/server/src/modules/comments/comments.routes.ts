import {
  ZComment,
  ZCommentableRecordType,
  ZCommentCreateRequest,
  ZCommentList,
  ZCommentUpdateRequest,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { CommentsService } from "./comments.service.ts";

const tags = ["Comments"];

export function commentsRoutes({ comments }: { comments: CommentsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/comments", {
      schema: {
        tags,
        summary: "Comments on a record, newest first",
        querystring: z.object({
          recordType: ZCommentableRecordType,
          recordId: z.uuid(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
        }),
        response: { 200: ZCommentList },
      },
      handler: (request) => comments.list(actorOf(request), request.query),
    });

    app.post("/comments", {
      schema: {
        tags,
        summary: "Comment on a record",
        description: "`@name` (name without spaces, or the email's local part) notifies that member once.",
        body: ZCommentCreateRequest,
        response: { 201: ZComment },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await comments.create(actorOf(request), request.body)),
    });

    app.patch("/comments/:id", {
      schema: {
        tags,
        summary: "Edit my comment",
        params: ZIdParams,
        body: ZCommentUpdateRequest,
        response: { 200: ZComment },
      },
      handler: (request) => comments.update(actorOf(request), request.params.id, request.body.body),
    });

    app.delete("/comments/:id", {
      schema: {
        tags,
        summary: "Move my comment to the trash",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await comments.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/comments/:id/restore", {
      schema: {
        tags,
        summary: "Restore a comment from the trash (its author or an admin)",
        params: ZIdParams,
        response: { 200: ZComment },
      },
      handler: (request) => comments.restore(actorOf(request), request.params.id),
    });
  };
}
