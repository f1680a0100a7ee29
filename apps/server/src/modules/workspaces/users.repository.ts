import type { Language } from "@kontor/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { memberships, user } from "../../db/schema/index.ts";

export async function findUserById(db: Executor, id: string) {
  const [row] = await db.select().from(user).where(eq(user.id, id));
  return row;
}

/** The user with their role in one workspace, or undefined when they are not a member (one query). */
export async function findMemberAccount(db: Executor, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ id: user.id, email: user.email, name: user.name, role: memberships.role })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

export async function updateUserLanguage(db: Executor, id: string, language: Language) {
  await db.update(user).set({ language, updatedAt: new Date() }).where(eq(user.id, id));
}

/** The stored language of each of the users, keyed by id (null: never set). */
export async function findLanguages(db: Executor, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: user.id, language: user.language })
    .from(user)
    .where(inArray(user.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.language]));
}
