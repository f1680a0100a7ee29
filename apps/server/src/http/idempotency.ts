import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/index.ts";
import { AppError } from "../errors/app-error.ts";

declare module "fastify" {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

function keyOf(request: FastifyRequest) {
  const actor = request.actor!;
  return and(
    eq(idempotencyKeys.workspaceId, actor.workspaceId),
    eq(idempotencyKeys.actorId, actor.userId),
    eq(idempotencyKeys.key, request.idempotencyKey!),
  );
}

/**
 * `Idempotency-Key` on POST: the first request stores its response; a repeat with the same key
 * and body gets that response again; the same key with another body is refused.
 */
export function registerIdempotency(app: FastifyInstance, db: Database): void {
  app.decorateRequest("idempotencyKey", null);

  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers["idempotency-key"];
    if (request.method !== "POST" || header === undefined || !request.actor) return;
    const key = String(header);
    if (key.length < 1 || key.length > 200) {
      throw new AppError("validation_failed", "Idempotency-Key must be 1 to 200 characters.", [
        { path: "headers.idempotency-key", message: "1 to 200 characters", code: "invalid_header" },
      ]);
    }
    const requestHash = createHash("sha256")
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest("hex");
    request.idempotencyKey = key;
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ workspaceId: request.actor.workspaceId, actorId: request.actor.userId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) return;
    const [stored] = await db.select().from(idempotencyKeys).where(keyOf(request));
    request.idempotencyKey = null;
    if (!stored) throw new AppError("idempotency_key_in_use", "Retry this request.");
    if (stored.requestHash !== requestHash) {
      throw new AppError("idempotency_key_reused", "This Idempotency-Key was used for a different request.");
    }
    if (stored.status === null)
      throw new AppError("idempotency_key_in_use", "The first request with this key is still running.");
    reply.header("idempotent-replayed", "true");
    // Every error response of the API is problem+json; replay it as such.
    const type = stored.status >= 400 ? "application/problem+json" : "application/json";
    return reply.status(stored.status).type(type).send(stored.response);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.idempotencyKey || !request.actor) return payload;
    const status = reply.statusCode;
    if (status >= 500) {
      await db.delete(idempotencyKeys).where(keyOf(request));
      return payload;
    }
    let response: unknown = null;
    if (typeof payload === "string" && payload.length) {
      try {
        response = JSON.parse(payload);
      } catch {
        response = payload;
      }
    }
    await db.update(idempotencyKeys).set({ status, response }).where(keyOf(request));
    return payload;
  });
}
