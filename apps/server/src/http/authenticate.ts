import type { Role } from "@kontor/contracts";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ActorCache } from "../auth/actor-cache.ts";
import type { Auth } from "../auth/better-auth.ts";
import type { Database } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { isUuid } from "../lib/uuid.ts";
import type { ApiKeysService } from "../modules/api-keys/api-keys.service.ts";
import { findMemberAccount } from "../modules/workspaces/users.repository.ts";
import type { WorkspacesService } from "../modules/workspaces/workspaces.service.ts";

interface AuthDeps {
  db: Database;
  auth: Auth;
  workspaces: WorkspacesService;
  apiKeys: ApiKeysService;
  actors: ActorCache;
}

async function authenticateBearer(request: FastifyRequest, token: string, deps: AuthDeps) {
  const verified = await deps.apiKeys.verify(token);
  if (!verified) throw new AppError("unauthenticated", "The API key is not valid.");
  let member = deps.actors.get(verified.userId, verified.workspaceId);
  if (!member) {
    const account = await findMemberAccount(deps.db, verified.workspaceId, verified.userId);
    if (!account) throw new AppError("unauthenticated", "The API key's user no longer has access.");
    member = {
      workspaceId: verified.workspaceId,
      user: { id: account.id, email: account.email, name: account.name },
      role: account.role as Role,
    };
    deps.actors.set(verified.userId, verified.workspaceId, member);
  }
  request.user = member.user;
  request.actor = {
    userId: member.user.id,
    workspaceId: member.workspaceId,
    role: member.role,
    via: "api_key",
  };
}

/**
 * Resolves who calls /api/v1: a bearer API key (bound to one workspace) or the session cookie
 * (workspace from `X-Workspace-Id`, else the user's first). Routes opt out with config.auth.
 * The membership behind an actor is cached for a few seconds (auth/actor-cache.ts, decision 0012).
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest("user", null);
  app.decorateRequest("actor", null);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/v1/")) return;
    const mode = request.routeOptions.config?.auth ?? "workspace";
    if (mode === "public") return;

    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      await authenticateBearer(request, authorization.slice(7).trim(), deps);
      return;
    }

    const session = await deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!session) throw new AppError("unauthenticated", "Sign in or send an API key.");
    request.user = { id: session.user.id, email: session.user.email, name: session.user.name };
    if (mode === "user") return;

    const header = request.headers["x-workspace-id"];
    const requested = typeof header === "string" && header.length ? header : undefined;
    if (requested && !isUuid(requested)) throw new AppError("workspace_not_found", "No such workspace.");
    let membership = deps.actors.get(session.user.id, requested);
    if (!membership) {
      const resolved = await deps.workspaces.resolveMembership(session.user.id, requested);
      if (!resolved) throw new AppError("workspace_not_found", "You are not a member of this workspace.");
      membership = { ...resolved, user: request.user };
      deps.actors.set(session.user.id, requested, membership);
    }
    request.actor = {
      userId: session.user.id,
      workspaceId: membership.workspaceId,
      role: membership.role,
      via: "session",
    };
  });
}
