import type { Auth } from "../../auth/better-auth.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../lib/policy.ts";
import { deleteApiKeyOfUser, findApiKeysOfUser } from "./api-keys.repository.ts";

function workspaceOfMetadata(metadata: unknown): string | null {
  let value = metadata;
  // better-auth keeps metadata as a JSON string; older rows may be double-encoded.
  for (let depth = 0; depth < 2 && typeof value === "string"; depth++) {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (value && typeof value === "object" && "workspaceId" in value) {
    const id = (value as { workspaceId: unknown }).workspaceId;
    return typeof id === "string" ? id : null;
  }
  return null;
}

function present(row: {
  id: string;
  name: string | null;
  start: string | null;
  createdAt: Date;
  expiresAt: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    start: row.start,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** API keys belong to a user and are bound to one workspace (kept in the key's metadata). */
export function createApiKeysService({ db, auth }: { db: Database; auth: Auth }) {
  return {
    async create(options: {
      userId: string;
      workspaceId: string;
      name: string;
      expiresInDays?: number | null;
    }) {
      const created = await auth.api.createApiKey({
        body: {
          name: options.name,
          userId: options.userId,
          expiresIn: options.expiresInDays ? options.expiresInDays * 86_400 : null,
          metadata: { workspaceId: options.workspaceId },
        },
      });
      return { ...present({ ...created, createdAt: new Date(created.createdAt) }), key: created.key };
    },

    async list(actor: Actor) {
      const rows = await findApiKeysOfUser(db, actor.userId);
      return rows.filter((row) => workspaceOfMetadata(row.metadata) === actor.workspaceId).map(present);
    },

    async remove(actor: Actor, id: string) {
      const rows = await findApiKeysOfUser(db, actor.userId);
      const row = rows.find((candidate) => candidate.id === id);
      if (!row || workspaceOfMetadata(row.metadata) !== actor.workspaceId) {
        throw new AppError("api_key_not_found", "No such API key.");
      }
      await deleteApiKeyOfUser(db, actor.userId, id);
    },

    /** Checks a bearer key; returns its user and workspace, or null when it is not valid. */
    async verify(key: string): Promise<{ userId: string; workspaceId: string } | null> {
      const result = await auth.api.verifyApiKey({ body: { key } });
      if (!result.valid || !result.key) return null;
      const workspaceId = workspaceOfMetadata(result.key.metadata);
      return workspaceId ? { userId: result.key.referenceId, workspaceId } : null;
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
