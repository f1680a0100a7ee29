import { forbidden } from "../../errors/app-error.ts";
import { type Actor, authorizeRecord, rolePolicy } from "../../lib/policy.ts";

export type CommentAction = "read" | "create" | "update" | "delete";

/**
 * Comments: everyone reads; writers comment; only the author edits a comment; the author or an
 * admin deletes it.
 */
export function authorizeComment(actor: Actor, action: CommentAction, comment?: { authorId: string }): void {
  authorizeRecord(actor, action);
  if (!comment) return;
  if (action === "update" && comment.authorId !== actor.userId)
    throw forbidden("Only the author edits a comment.");
  if (action === "delete" && comment.authorId !== actor.userId && !rolePolicy.isAdmin(actor)) {
    throw forbidden("Only the author or an admin deletes a comment.");
  }
}
