import type { Role } from "@kontor/contracts";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../lib/policy.ts";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

declare module "fastify" {
  interface FastifyRequest {
    user: SignedInUser | null;
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** "public": no sign-in; "user": signed in, no workspace; default "workspace". */
    auth?: "public" | "user" | "workspace";
  }
}

/** The actor of a workspace route; the auth hook guarantees it is set. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated", "Sign in or send an API key.");
  return request.actor;
}

export function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new AppError("unauthenticated", "Sign in or send an API key.");
  return request.user;
}

export const ZIdParams = z.object({ id: z.uuid() });

/** The version from `If-Match: 3` or `If-Match: "3"`; undefined when the header is absent. */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers["if-match"];
  if (header === undefined) return undefined;
  const value = String(header).replace(/^W\//, "").replaceAll('"', "").trim();
  if (!/^\d{1,9}$/.test(value)) {
    throw new AppError("validation_failed", "If-Match must be the record's version number.", [
      { path: "headers.if-match", message: "Expected a version number", code: "invalid_header" },
    ]);
  }
  return Number(value);
}

export type { Actor, Role };
