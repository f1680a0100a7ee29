import {
  ZCompany,
  ZListQuery,
  ZPerson,
  ZSegment,
  ZSegmentCount,
  ZSegmentCreateRequest,
  ZSegmentMembersChange,
  ZSegmentObject,
  ZSegmentPreviewRequest,
  ZSegmentUpdateRequest,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { SegmentsService } from "./segments.service.ts";

const tags = ["Segments"];

const ZMembers = z.union([
  z.object({ object: z.literal("person"), data: z.array(ZPerson), nextCursor: z.string().nullable() }),
  z.object({ object: z.literal("company"), data: z.array(ZCompany), nextCursor: z.string().nullable() }),
]);

export function segmentsRoutes({ segments }: { segments: SegmentsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/segments", {
      schema: {
        tags,
        summary: "Segments of the workspace",
        querystring: z.object({ object: ZSegmentObject.optional() }),
        response: { 200: z.object({ data: z.array(ZSegment) }) },
      },
      handler: async (request) => ({ data: await segments.list(actorOf(request), request.query.object) }),
    });
    app.post("/segments", {
      schema: {
        tags,
        summary: "Create a segment",
        description:
          "A dynamic segment holds a definition: conditions on the record's own fields, custom fields " +
          "(`customFields.key`) and, for people, the current company (`company.industry`, `company.annualRevenue`, " +
          "`company.postalCode`…), combined with match `all` (AND) or `any` (OR) and one level of nested groups. " +
          "A static segment holds a fixed list of members.",
        body: ZSegmentCreateRequest,
        response: { 201: ZSegment },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await segments.create(actorOf(request), request.body)),
    });
    app.post("/segments/preview", {
      schema: {
        tags,
        summary: "Count the records a definition matches, without saving it",
        body: ZSegmentPreviewRequest,
        response: { 200: ZSegmentCount },
      },
      handler: (request) => segments.preview(actorOf(request), request.body.object, request.body.definition),
    });
    app.get("/segments/:id", {
      schema: { tags, summary: "Get a segment", params: ZIdParams, response: { 200: ZSegment } },
      handler: (request) => segments.get(actorOf(request), request.params.id),
    });
    app.patch("/segments/:id", {
      schema: {
        tags,
        summary: "Change a segment",
        params: ZIdParams,
        body: ZSegmentUpdateRequest,
        response: { 200: ZSegment },
      },
      handler: (request) => segments.update(actorOf(request), request.params.id, request.body),
    });
    app.delete("/segments/:id", {
      schema: { tags, summary: "Delete a segment", params: ZIdParams, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await segments.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
    app.get("/segments/:id/count", {
      schema: {
        tags,
        summary: "How many records the segment holds now",
        params: ZIdParams,
        response: { 200: ZSegmentCount },
      },
      handler: (request) => segments.count(actorOf(request), request.params.id),
    });
    app.get("/segments/:id/members", {
      schema: {
        tags,
        summary: "Members of a segment, with the list conventions (filter, sort, cursor)",
        params: ZIdParams,
        querystring: ZListQuery,
        response: { 200: ZMembers },
      },
      handler: (request) =>
        segments.members(actorOf(request), request.params.id, listRequestOf(request.query)),
    });
    app.post("/segments/:id/members", {
      schema: {
        tags,
        summary: "Add records to a static segment",
        params: ZIdParams,
        body: ZSegmentMembersChange,
        response: { 200: ZSegmentCount },
      },
      handler: (request) => segments.addMembers(actorOf(request), request.params.id, request.body.ids),
    });
    app.post("/segments/:id/members/remove", {
      schema: {
        tags,
        summary: "Remove records from a static segment",
        params: ZIdParams,
        body: ZSegmentMembersChange,
        response: { 200: ZSegmentCount },
      },
      handler: (request) => segments.removeMembers(actorOf(request), request.params.id, request.body.ids),
    });
  };
}
