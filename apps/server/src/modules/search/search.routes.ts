import { ZSearchQuery, ZSearchResult } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../http/request-context.ts";
import type { SearchService } from "./search.service.ts";

export function searchRoutes({ search }: { search: SearchService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/search", {
      schema: {
        tags: ["Search"],
        summary: "Search people and companies",
        description:
          "Names match with German umlauts folded both ways (Müller = Mueller = Muller), by prefix and with typos; " +
          "an email address or a phone number in any format finds its record exactly. Results are ranked and grouped by type.",
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
      handler: (request) => search.search(actorOf(request), request.query),
    });
  };
}
