import { createHash } from "node:crypto";
import type { Auth } from "../../auth/better-auth.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../lib/policy.ts";
import { clearKeyRateLimit, deleteApiKeyOfUser, findApiKeysOfUser } from "./api-keys.repository.ts";

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

/** How long a verified key is trusted without asking better-auth again (decision 0006). */
export const VERIFIED_KEY_TTL_MS = 5_000;

/** API keys belong to a user and are bound to one workspace (kept in the key's metadata). */
export function createApiKeysService({
  db,
  auth,
  ttlMs = VERIFIED_KEY_TTL_MS,
}: {
  db: Database;
  auth: Auth;
  ttlMs?: number | undefined;
}) {
  const verified = new Map<string, { userId: string; workspaceId: string; keyId: string; until: number }>();
  const digest = (key: string) => createHash("sha256").update(key).digest("base64url");
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
      await clearKeyRateLimit(db, created.id);
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
      for (const [hash, entry] of verified) if (entry.keyId === id) verified.delete(hash);
    },

    /** Checks a bearer key; returns its user and workspace, or null when it is not valid. */
    async verify(key: string): Promise<{ userId: string; workspaceId: string } | null> {
      const hash = digest(key);
      const cached = verified.get(hash);
      if (cached && cached.until > Date.now())
        return { userId: cached.userId, workspaceId: cached.workspaceId };
      verified.delete(hash);
      const result = await auth.api.verifyApiKey({ body: { key } });
      if (!result.valid || !result.key) return null;
      const workspaceId = workspaceOfMetadata(result.key.metadata);
      if (!workspaceId) return null;
      if (verified.size > 10_000) verified.clear();
      verified.set(hash, {
        userId: result.key.referenceId,
        workspaceId,
        keyId: result.key.id,
        until: Date.now() + ttlMs,
      });
      return { userId: result.key.referenceId, workspaceId };
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
