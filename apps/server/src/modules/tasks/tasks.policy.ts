import { type Actor, authorizeRecord, type RecordAction } from "../../lib/policy.ts";

/** Tasks: everyone reads; admin, manager and member create, edit, complete and snooze; readonly only reads. */
export function authorizeTask(actor: Actor, action: RecordAction): void {
  authorizeRecord(actor, action);
}
