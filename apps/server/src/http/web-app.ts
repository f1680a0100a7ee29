import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { buildProblem } from "./problem.ts";

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

/** Serves the built web app at / with a fallback to index.html for client-side routes. */
export async function registerWebApp(app: FastifyInstance, distDir = webDistDir): Promise<void> {
  const hasBuild = existsSync(path.join(distDir, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false, maxAge: "1h" });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    if (request.method === "GET" && !pathname.startsWith("/api/") && hasBuild) {
      const asset = pathname.startsWith("/assets/") ? pathname.slice(1) : null;
      if (asset && existsSync(path.join(distDir, asset))) return reply.sendFile(asset);
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    if (request.method === "GET" && pathname === "/" && !hasBuild) {
      return reply
        .type("text/plain")
        .send("Kontor API is running. The web app is not built: run `npm run build`.");
    }
    const problem = buildProblem("not_found", `No route for ${request.method} ${pathname}.`);
    return reply.status(404).type("application/problem+json").send(problem);
  });
}
