import {
  ZApiKey,
  ZApiKeyCreated,
  ZApiKeyCreateRequest,
  ZMe,
  ZMember,
  ZMemberCreateRequest,
  ZMemberUpdateRequest,
  ZMeUpdateRequest,
  ZSetupRequest,
  ZSetupStatus,
  ZWorkspace,
  ZWorkspaceCreateRequest,
  ZWorkspaceSettings,
  ZWorkspaceSettingsUpdate,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Auth } from "../../auth/better-auth.ts";
import { actorOf, userOf } from "../../http/request-context.ts";
import type { ApiKeysService } from "../api-keys/api-keys.service.ts";
import type { WorkspacesService } from "./workspaces.service.ts";

interface Deps {
  workspaces: WorkspacesService;
  apiKeys: ApiKeysService;
  auth: Auth;
}

export function workspacesRoutes({ workspaces, apiKeys, auth }: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/setup", {
      config: { auth: "public" },
      schema: {
        tags: ["Setup"],
        summary: "Whether this installation still needs its first admin",
        response: { 200: ZSetupStatus },
      },
      handler: async () => ({ needsSetup: await workspaces.needsSetup() }),
    });

    app.post("/setup", {
      config: { auth: "public" },
      schema: {
        tags: ["Setup"],
        summary: "Create the first admin and workspace, and sign in",
        body: ZSetupRequest,
        response: { 201: z.object({ userId: z.uuid(), workspaceId: z.uuid() }) },
      },
      handler: async (request, reply) => {
        const result = await workspaces.setup(request.body);
        const signIn = await auth.api.signInEmail({
          body: { email: request.body.email, password: request.body.password },
          asResponse: true,
        });
        for (const cookie of signIn.headers.getSetCookie()) reply.header("set-cookie", cookie);
        return reply.status(201).send(result);
      },
    });

    app.get("/me", {
      config: { auth: "user" },
      schema: {
        tags: ["Workspaces"],
        summary: "The signed-in user and their workspaces, each with your role and permissions",
        response: { 200: ZMe },
      },
      handler: (request) => workspaces.me(userOf(request)),
    });

    app.patch("/me", {
      config: { auth: "user" },
      schema: {
        tags: ["Workspaces"],
        summary: "Change the signed-in user's own settings",
        description:
          "`language` (`de` or `en`): the language of texts Kontor writes to the user, such as task " +
          "reminders. The web app sends the language it is used in.",
        body: ZMeUpdateRequest,
        response: { 200: ZMe },
      },
      handler: (request) => workspaces.updateMe(userOf(request), request.body),
    });

    app.post("/workspaces", {
      config: { auth: "user" },
      schema: {
        tags: ["Workspaces"],
        summary: "Create a workspace (you become its admin)",
        body: ZWorkspaceCreateRequest,
        response: { 201: ZWorkspace },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await workspaces.createWorkspace(userOf(request), request.body.name)),
    });

    app.get("/workspace/settings", {
      schema: {
        tags: ["Workspaces"],
        summary: "Settings of the current workspace",
        response: { 200: ZWorkspaceSettings },
      },
      handler: (request) => workspaces.getSettings(actorOf(request)),
    });

    app.patch("/workspace/settings", {
      schema: {
        tags: ["Workspaces"],
        summary: "Change workspace settings (admin, manager)",
        body: ZWorkspaceSettingsUpdate,
        response: { 200: ZWorkspaceSettings },
      },
      handler: (request) => workspaces.updateSettings(actorOf(request), request.body),
    });

    app.get("/members", {
      schema: {
        tags: ["Members"],
        summary: "Members of the current workspace",
        response: { 200: z.object({ data: z.array(ZMember) }) },
      },
      handler: async (request) => ({ data: await workspaces.listMembers(actorOf(request)) }),
    });

    app.post("/members", {
      schema: {
        tags: ["Members"],
        summary: "Add a user to the workspace (admin)",
        body: ZMemberCreateRequest,
        response: { 201: ZMember },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await workspaces.addMember(actorOf(request), request.body)),
    });

    app.patch("/members/:userId", {
      schema: {
        tags: ["Members"],
        summary: "Change a member's role (admin)",
        params: z.object({ userId: z.uuid() }),
        body: ZMemberUpdateRequest,
        response: { 200: ZMember },
      },
      handler: (request) =>
        workspaces.updateMember(actorOf(request), request.params.userId, request.body.role),
    });

    app.delete("/members/:userId", {
      schema: {
        tags: ["Members"],
        summary: "Remove a member (admin)",
        params: z.object({ userId: z.uuid() }),
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await workspaces.removeMember(actorOf(request), request.params.userId);
        return reply.status(204).send(null);
      },
    });

    app.get("/api-keys", {
      schema: {
        tags: ["API keys"],
        summary: "Your API keys for this workspace",
        response: { 200: z.object({ data: z.array(ZApiKey) }) },
      },
      handler: async (request) => ({ data: await apiKeys.list(actorOf(request)) }),
    });

    app.post("/api-keys", {
      schema: {
        tags: ["API keys"],
        summary: "Create an API key for this workspace; the key is shown once",
        body: ZApiKeyCreateRequest,
        response: { 201: ZApiKeyCreated },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const created = await apiKeys.create({
          userId: actor.userId,
          workspaceId: actor.workspaceId,
          ...request.body,
        });
        return reply.status(201).send(created);
      },
    });

    app.delete("/api-keys/:id", {
      schema: {
        tags: ["API keys"],
        summary: "Revoke an API key",
        params: z.object({ id: z.string().max(100) }),
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await apiKeys.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
