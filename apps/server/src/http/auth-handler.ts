import type { FastifyInstance } from "fastify";
import type { Auth } from "../auth/better-auth.ts";

/** Mounts better-auth's web handler at /api/auth/* (sign-in, sign-out, password reset). */
export function registerAuthHandler(app: FastifyInstance, auth: Auth, baseUrl: string): void {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    config: { auth: "public" },
    schema: { hide: true },
    async handler(request, reply) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      const body =
        request.method === "GET" || request.body === undefined ? undefined : JSON.stringify(request.body);
      const response = await auth.handler(
        new Request(new URL(request.url, baseUrl), { method: request.method, headers, body }),
      );
      reply.status(response.status);
      for (const [name, value] of response.headers) {
        if (name !== "set-cookie") reply.header(name, value);
      }
      for (const cookie of response.headers.getSetCookie()) reply.header("set-cookie", cookie);
      return reply.send(response.body ? await response.text() : null);
    },
  });
}
