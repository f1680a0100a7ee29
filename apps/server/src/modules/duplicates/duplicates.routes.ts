import {
  ZDuplicateCheckQuery,
  ZDuplicateObject,
  ZDuplicatePair,
  ZMerge,
  ZMergeRequest,
  ZMergeResult,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { DuplicatesService } from "./duplicates.service.ts";
import type { MergeService } from "./merge.service.ts";

const tags = ["Duplicates"];
const ZSummary = z.object({ id: z.uuid(), title: z.string(), subtitle: z.string().nullable() });

export function duplicatesRoutes({
  duplicates,
  merges,
}: {
  duplicates: DuplicatesService;
  merges: MergeService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/duplicates", {
      schema: {
        tags,
        summary:
          "Likely duplicate pairs (same email, phone or domain, or similar names at the same company or city)",
        querystring: z.object({
          object: ZDuplicateObject,
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ data: z.array(ZDuplicatePair) }) },
      },
      handler: async (request) => ({
        data: await duplicates.findPairs(actorOf(request), request.query.object, request.query.limit),
      }),
    });
    app.get("/duplicates/check", {
      schema: {
        tags,
        summary: "Existing records a new record with these values would duplicate (warning before create)",
        querystring: ZDuplicateCheckQuery,
        response: { 200: z.object({ data: z.array(ZSummary) }) },
      },
      handler: async (request) => ({ data: await duplicates.check(actorOf(request), request.query) }),
    });
    app.post("/merges", {
      schema: {
        tags,
        summary: "Merge two people or two companies",
        description:
          "Moves every linked record (employments, relations, segment memberships and the links of later modules) to the " +
          "survivor, fills the survivor's empty fields from the merged record, keeps both emails and phones, writes a `merge` " +
          "audit entry and can be undone for 30 days.",
        body: ZMergeRequest,
        response: { 200: ZMergeResult },
      },
      handler: (request) => merges.merge(actorOf(request), request.body),
    });
    app.get("/merges", {
      schema: {
        tags,
        summary: "Merges into a record",
        querystring: z.object({ recordId: z.uuid() }),
        response: { 200: z.object({ data: z.array(ZMerge) }) },
      },
      handler: async (request) => ({ data: await merges.list(actorOf(request), request.query.recordId) }),
    });
    app.post("/merges/:id/undo", {
      schema: {
        tags,
        summary: "Undo a merge (within 30 days)",
        params: ZIdParams,
        response: { 200: ZMerge },
      },
      handler: (request) => merges.undo(actorOf(request), request.params.id),
    });
  };
}
