import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI 3.1 at /api/v1/openapi.json and the reference page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Kontor API",
        version: "1.0.0",
        description:
          "REST API of Kontor. Authenticate with the session cookie or `Authorization: Bearer <api key>`. " +
          "Lists take `limit`, `cursor`, `sort` (`-createdAt`), `q` and `filter[field][op]=value` " +
          "(eq, ne, lt, lte, gt, gte, in, contains, startsWith, isNull). Errors are RFC 9457 problem+json.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "API key from `kontor api-keys create`" },
          session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
  });
  app.get("/api/v1/openapi.json", { config: { auth: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
