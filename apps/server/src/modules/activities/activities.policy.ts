import { type Actor, authorizeRecord, type RecordAction } from "../../lib/policy.ts";

/** Activities: everyone in the workspace reads; admin, manager and member log and edit; readonly only reads. */
export function authorizeActivity(actor: Actor, action: RecordAction): void {
  authorizeRecord(actor, action);
}
