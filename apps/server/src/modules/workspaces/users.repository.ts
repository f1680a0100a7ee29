import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { user } from "../../db/schema/index.ts";

export async function findUserById(db: Executor, id: string) {
  const [row] = await db.select().from(user).where(eq(user.id, id));
  return row;
}
