import type http from "node:http";
import { ZRole } from "@kontor/contracts";
import type { Logger } from "pino";
import { z } from "zod";
import type { Services } from "../app.ts";
import { AppError } from "../errors/app-error.ts";

export const ZCliUserCreate = z.object({
  email: z.email(),
  password: z.string().min(10, "Use at least 10 characters").max(128),
  name: z.string().trim().min(1).max(100),
  role: ZRole,
  workspace: z.string().trim().min(1).max(100),
});

export const ZCliApiKeyCreate = z.object({
  email: z.email(),
  workspace: z.string().trim().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(100).default("CLI"),
});

/** The admin commands, shared by the in-process CLI and the server's local socket. */
export function createAdminCommands(services: Services) {
  return {
    async createUser(input: z.infer<typeof ZCliUserCreate>) {
      return services.workspaces.createUser({ ...input, workspaceName: input.workspace });
    },
    async createApiKey(input: z.infer<typeof ZCliApiKeyCreate>) {
      const account = await services.workspaces.findUserByEmail(input.email);
      if (!account) throw new AppError("not_found", `No user with email ${input.email}.`);
      const me = await services.workspaces.me({ id: account.id, email: account.email, name: account.name });
      const workspace = input.workspace
        ? me.workspaces.find((item) => item.name === input.workspace)
        : me.workspaces[0];
      if (!workspace)
        throw new AppError(
          "workspace_not_found",
          input.workspace
            ? `${input.email} is not a member of ${input.workspace}.`
            : `${input.email} has no workspace.`,
        );
      const created = await services.apiKeys.create({
        userId: account.id,
        workspaceId: workspace.id,
        name: input.name,
      });
      return { ...created, workspaceName: workspace.name };
    },
  };
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

/** HTTP handler on the unix socket in the data folder (reachable only by the folder's owner). */
export function createAdminHandler(services: Services, log: Logger): http.RequestListener {
  const commands = createAdminCommands(services);
  return async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    try {
      const body = await readBody(request);
      if (request.method === "POST" && request.url === "/users")
        return send(200, await commands.createUser(ZCliUserCreate.parse(body)));
      if (request.method === "POST" && request.url === "/api-keys")
        return send(200, await commands.createApiKey(ZCliApiKeyCreate.parse(body)));
      if (request.method === "POST" && request.url === "/migrate") return send(200, { migrated: true });
      return send(404, { error: "unknown command" });
    } catch (error) {
      if (error instanceof AppError) return send(error.status, { error: error.message });
      if (error instanceof z.ZodError)
        return send(400, {
          error: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
        });
      log.error({ err: error }, "admin command failed");
      return send(500, { error: "internal error" });
    }
  };
}
