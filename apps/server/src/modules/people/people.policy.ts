import { type Actor, authorizeRecord, type RecordAction } from "../../lib/policy.ts";

/** People: everyone in the workspace reads; admin, manager and member write; readonly only reads. */
export function authorizePerson(actor: Actor, action: RecordAction): void {
  authorizeRecord(actor, action);
}
