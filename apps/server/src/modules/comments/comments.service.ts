import type { TComment, TCommentCreateRequest } from "@kontor/contracts";
import type { Database, Executor } from "../../db/client.ts";
import { AppError, noSuchRecord } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import type { Actor } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { insertNotification } from "../notifications/notifications.repository.ts";
import { recordExists } from "../record-links/record-links.repository.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import { authorizeComment } from "./comments.policy.ts";
import * as repo from "./comments.repository.ts";
import { findMentionedUsers } from "./mentions.ts";

export function presentComment({ comment, authorName }: repo.CommentWithAuthor): TComment {
  return {
    id: comment.id,
    recordType: comment.recordType as TComment["recordType"],
    recordId: comment.recordId,
    authorId: comment.authorId,
    authorName,
    body: comment.body,
    mentions: comment.mentions,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    createdBy: comment.createdBy,
    version: comment.version,
  };
}

export function createCommentsService({ db }: { db: Database }) {
  async function load(executor: Executor, actor: Actor, id: string) {
    const row = await repo.findCommentById(executor, actor.workspaceId, id);
    if (!row) throw new AppError("comment_not_found", "No such comment.");
    return row;
  }

  /** One notification per mentioned member and comment, ever: editing never notifies twice. */
  async function notifyMentions(tx: Executor, actor: Actor, comment: repo.CommentRow) {
    for (const userId of comment.mentions) {
      if (userId === actor.userId) continue;
      await insertNotification(tx, {
        workspaceId: actor.workspaceId,
        userId,
        type: "mention",
        title: "mention",
        body: comment.body.slice(0, 500),
        recordType: comment.recordType,
        recordId: comment.recordId,
        actorId: actor.userId,
        dedupeKey: `mention:${comment.id}:${userId}`,
      });
    }
  }

  async function mentionsIn(executor: Executor, workspaceId: string, body: string) {
    return findMentionedUsers(body, await repo.findMemberHandles(executor, workspaceId));
  }

  return {
    async findByIds(workspaceId: string, ids: string[]) {
      return (await repo.findCommentsByIds(db, workspaceId, ids)).map(presentComment);
    },

    async list(
      actor: Actor,
      options: { recordType: string; recordId: string; limit: number; cursor?: string | undefined },
    ) {
      authorizeComment(actor, "read");
      if (!(await recordExists(db, actor.workspaceId, options.recordType, options.recordId))) {
        throw new AppError("not_found", "No such record.");
      }
      const rows = await repo.listCommentsOf(db, {
        workspaceId: actor.workspaceId,
        recordType: options.recordType,
        recordId: options.recordId,
        limit: options.limit,
        beforeId: options.cursor,
      });
      const page = rows.slice(0, options.limit);
      return {
        data: page.map(presentComment),
        nextCursor: rows.length > options.limit ? (page.at(-1)?.comment.id ?? null) : null,
      };
    },

    async create(actor: Actor, input: TCommentCreateRequest): Promise<TComment> {
      authorizeComment(actor, "create");
      return db.transaction(async (tx) => {
        if (!(await recordExists(tx, actor.workspaceId, input.recordType, input.recordId))) {
          throw new AppError("validation_failed", "The record does not exist.", [
            noSuchRecord("recordId", input.recordType),
          ]);
        }
        const row = await repo.insertComment(tx, {
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
          authorId: actor.userId,
          recordType: input.recordType,
          recordId: input.recordId,
          body: input.body,
          mentions: await mentionsIn(tx, actor.workspaceId, input.body),
        });
        await notifyMentions(tx, actor, row);
        const presented = presentComment(await load(tx, actor, row.id));
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "comment",
          recordId: row.id,
          action: "create",
          changes: diffRecords(null, presented),
        });
        return presented;
      });
    },

    async update(actor: Actor, id: string, body: string): Promise<TComment> {
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        authorizeComment(actor, "update", before.comment);
        const row = await repo.updateComment(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: before.comment.version,
          body,
          mentions: await mentionsIn(tx, actor.workspaceId, body),
        });
        if (!row)
          throw new AppError("version_conflict", "The comment changed meanwhile; reload and try again.");
        await notifyMentions(tx, actor, row);
        const after = presentComment(await load(tx, actor, id));
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "comment",
          recordId: id,
          action: "update",
          changes: diffRecords(presentComment(before), after),
        });
        return after;
      });
    },

    /** Moves the comment to the trash (the author or an admin). */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        authorizeComment(actor, "delete", before.comment);
        await moveToTrash(tx, { actor, recordType: "comment", id, notFound: "comment_not_found" });
      });
    },

    /** Takes the comment out of the trash; who may delete it may restore it. */
    async restore(actor: Actor, id: string): Promise<TComment> {
      return db.transaction(async (tx) => {
        const row = await repo.findCommentById(tx, actor.workspaceId, id, { withDeleted: true });
        if (!row) throw new AppError("comment_not_found", "No such comment.");
        authorizeComment(actor, "delete", row.comment);
        await restoreFromTrash(tx, { actor, recordType: "comment", id, notFound: "comment_not_found" });
        return presentComment(await load(tx, actor, id));
      });
    },
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
