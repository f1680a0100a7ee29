import {
  ZCustomField,
  ZCustomFieldCreateRequest,
  ZCustomFieldObject,
  ZCustomFieldUpdateRequest,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { CustomFieldsService } from "./custom-fields.service.ts";

const tags = ["Custom fields"];

export function customFieldsRoutes({
  customFields,
}: {
  customFields: CustomFieldsService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/custom-fields", {
      schema: {
        tags,
        summary: "Custom field definitions",
        querystring: z.object({ object: ZCustomFieldObject.optional() }),
        response: { 200: z.object({ data: z.array(ZCustomField) }) },
      },
      handler: async (request) => ({ data: await customFields.list(actorOf(request), request.query.object) }),
    });

    app.post("/custom-fields", {
      schema: {
        tags,
        summary: "Define a custom field (admin, manager)",
        body: ZCustomFieldCreateRequest,
        response: { 201: ZCustomField },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await customFields.create(actorOf(request), request.body)),
    });

    app.patch("/custom-fields/:id", {
      schema: {
        tags,
        summary: "Change a custom field's label, options or required flag",
        params: ZIdParams,
        body: ZCustomFieldUpdateRequest,
        response: { 200: ZCustomField },
      },
      handler: (request) => customFields.update(actorOf(request), request.params.id, request.body),
    });

    app.delete("/custom-fields/:id", {
      schema: {
        tags,
        summary: "Remove a custom field definition",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await customFields.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
