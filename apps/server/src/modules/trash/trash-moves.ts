import type { ErrorCode, TrashRecordType } from "@kontor/contracts";
import type { Executor } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { findTrashState, markDeleted, unmarkDeleted } from "../records/soft-delete.ts";
import { findTrashedParent } from "./trash.repository.ts";

interface TrashMove {
  actor: Actor;
  recordType: TrashRecordType;
  id: string;
  /** The error code when the record does not exist in the actor's workspace. */
  notFound: ErrorCode;
}

/**
 * Moves a record to the trash inside the caller's transaction, with its audit entry ("delete")
 * and domain event. Links, versions and everything that points at the record stay, so a
 * restore brings it back exactly as it was. The caller checks the policy first.
 */
export async function moveToTrash(tx: Executor, move: TrashMove): Promise<void> {
  const { actor, recordType, id } = move;
  const deletedAt = await markDeleted(tx, {
    recordType,
    workspaceId: actor.workspaceId,
    id,
    deletedBy: actor.userId,
  });
  if (!deletedAt) throw new AppError(move.notFound, `No such ${recordType}.`);
  await recordChange(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    recordType,
    recordId: id,
    action: "delete",
    changes: { deletedAt: { old: null, new: deletedAt.toISOString() } },
  });
}

/**
 * Takes a record out of the trash inside the caller's transaction, with its audit entry
 * ("restore") and domain event: 404 (`notFound`) when there is no such record in the workspace,
 * 409 `not_in_trash` when it is not deleted, 409 `parent_in_trash` (naming the parent) when what
 * it belongs to — a task's project, a comment's or document's record, a moved occurrence's
 * series — is in the trash too. A refused restore changes nothing.
 */
export async function restoreFromTrash(tx: Executor, move: TrashMove): Promise<void> {
  const { actor, recordType, id } = move;
  const key = { recordType, workspaceId: actor.workspaceId, id };
  const state = await findTrashState(tx, key);
  if (!state) throw new AppError(move.notFound, `No such ${recordType}.`);
  if (!state.deletedAt) throw new AppError("not_in_trash", `The ${recordType} is not in the trash.`);
  const parent = await findTrashedParent(tx, key);
  if (parent) {
    throw new AppError(
      "parent_in_trash",
      `The ${recordType} belongs to the ${parent.recordType} "${parent.name}", which is in the trash; restore that first.`,
      undefined,
      { parent },
    );
  }
  if (!(await unmarkDeleted(tx, key))) {
    throw new AppError("not_in_trash", `The ${recordType} is not in the trash.`);
  }
  await recordChange(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    recordType,
    recordId: id,
    action: "restore",
    changes: { deletedAt: { old: state.deletedAt, new: null } },
  });
}
