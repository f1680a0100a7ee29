import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { comments, memberships, user } from "../../db/schema/index.ts";

export type CommentRow = typeof comments.$inferSelect;
export interface CommentWithAuthor {
  comment: CommentRow;
  authorName: string | null;
}

const scoped = (workspaceId: string, id: string) =>
  and(eq(comments.workspaceId, workspaceId), eq(comments.id, id));
const withAuthor = { comment: comments, authorName: user.name };
/** Comments in the trash are left out of every read. */
const live = isNull(comments.deletedAt);

export async function insertComment(db: Executor, values: typeof comments.$inferInsert) {
  const [row] = await db.insert(comments).values(values).returning();
  return row!;
}

export async function findCommentById(
  db: Executor,
  workspaceId: string,
  id: string,
  options: { withDeleted?: boolean } = {},
) {
  const [row] = await db
    .select(withAuthor)
    .from(comments)
    .leftJoin(user, eq(user.id, comments.authorId))
    .where(options.withDeleted ? scoped(workspaceId, id) : and(scoped(workspaceId, id), live));
  return row;
}

export function findCommentsByIds(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(withAuthor)
    .from(comments)
    .leftJoin(user, eq(user.id, comments.authorId))
    .where(and(eq(comments.workspaceId, workspaceId), inArray(comments.id, ids), live));
}

export function listCommentsOf(
  db: Executor,
  options: {
    workspaceId: string;
    recordType: string;
    recordId: string;
    limit: number;
    beforeId?: string | undefined;
  },
) {
  const conditions = [
    eq(comments.workspaceId, options.workspaceId),
    eq(comments.recordType, options.recordType),
    eq(comments.recordId, options.recordId),
    live,
  ];
  if (options.beforeId) conditions.push(lt(comments.id, options.beforeId));
  return db
    .select(withAuthor)
    .from(comments)
    .leftJoin(user, eq(user.id, comments.authorId))
    .where(and(...conditions))
    .orderBy(desc(comments.id))
    .limit(options.limit + 1);
}

export async function updateComment(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number; body: string; mentions: string[] },
) {
  const [row] = await db
    .update(comments)
    .set({
      body: options.body,
      mentions: options.mentions,
      updatedAt: new Date(),
      version: sql`${comments.version} + 1`,
    })
    .where(and(scoped(options.workspaceId, options.id), live, eq(comments.version, options.expectedVersion)))
    .returning();
  return row;
}

/** Members of a workspace with the handles they can be mentioned by. */
export function findMemberHandles(db: Executor, workspaceId: string) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
}
