import type { Role } from "@kontor/contracts";

/**
 * How long a resolved membership (user + workspace -> role) is trusted without reading it again
 * (decision 0012). A role change or removal made in this process takes effect at once (the
 * workspaces service drops the entries); one made by another process within this time.
 */
export const ACTOR_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedMember {
  workspaceId: string;
  user: { id: string; email: string; name: string };
  role: Role;
}

/**
 * Per-process cache of who a request acts as, so an authenticated request needs no query of its
 * own. Only positive answers are kept: a new member is let in at once, a removed one is refused
 * within the TTL. Bounded: when full, the oldest entries go first.
 */
export function createActorCache(options: { ttlMs?: number | undefined; now?: () => number } = {}) {
  const ttl = options.ttlMs ?? ACTOR_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: CachedMember; until: number }>();
  // `${userId}|${workspaceId}`; an empty workspace means "the user's first workspace".
  const keyOf = (userId: string, workspaceId: string | undefined) => `${userId}|${workspaceId ?? ""}`;

  return {
    get(userId: string, workspaceId: string | undefined): CachedMember | undefined {
      const key = keyOf(userId, workspaceId);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until > now()) return entry.value;
      entries.delete(key);
      return undefined;
    },

    set(userId: string, workspaceId: string | undefined, value: CachedMember) {
      const key = keyOf(userId, workspaceId);
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) {
        // Maps iterate in insertion order: drop the oldest tenth.
        let drop = Math.ceil(MAX_ENTRIES / 10);
        for (const oldest of entries.keys()) {
          entries.delete(oldest);
          if (--drop === 0) break;
        }
      }
      entries.set(key, { value, until: now() + ttl });
    },

    /** Forgets every entry of a user (a membership of theirs changed in this process). */
    forgetUser(userId: string) {
      const prefix = `${userId}|`;
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },

    clear() {
      entries.clear();
    },
  };
}

export type ActorCache = ReturnType<typeof createActorCache>;
