import { and, eq } from "drizzle-orm";
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
