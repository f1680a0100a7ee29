import {
  ZCompany,
  ZCompanyCreateRequest,
  ZCompanyList,
  ZCompanyUpdateRequest,
  ZListQuery,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ifMatchVersion, ZIdParams } from "../../http/request-context.ts";
import type { CompaniesService } from "./companies.service.ts";

const tags = ["Companies"];

export function companiesRoutes({ companies }: { companies: CompaniesService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/companies", {
      schema: { tags, summary: "List companies", querystring: ZListQuery, response: { 200: ZCompanyList } },
      handler: (request) => companies.list(actorOf(request), listRequestOf(request.query)),
    });

    app.post("/companies", {
      schema: { tags, summary: "Create a company", body: ZCompanyCreateRequest, response: { 201: ZCompany } },
      handler: async (request, reply) =>
        reply.status(201).send(await companies.create(actorOf(request), request.body)),
    });

    app.get("/companies/:id", {
      schema: { tags, summary: "Get a company", params: ZIdParams, response: { 200: ZCompany } },
      handler: async (request, reply) => {
        const company = await companies.get(actorOf(request), request.params.id);
        return reply.header("etag", `"${company.version}"`).send(company);
      },
    });

    app.patch("/companies/:id", {
      schema: {
        tags,
        summary: "Update a company",
        description: "Send `If-Match: <version>`; a stale version gets 412 and changes nothing.",
        params: ZIdParams,
        body: ZCompanyUpdateRequest,
        response: { 200: ZCompany },
      },
      handler: async (request, reply) => {
        const company = await companies.update(
          actorOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        );
        return reply.header("etag", `"${company.version}"`).send(company);
      },
    });

    app.delete("/companies/:id", {
      schema: {
        tags,
        summary: "Move a company to the trash",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await companies.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/companies/:id/restore", {
      schema: {
        tags,
        summary: "Restore a company from the trash",
        params: ZIdParams,
        response: { 200: ZCompany },
      },
      handler: (request) => companies.restore(actorOf(request), request.params.id),
    });
  };
}
