import { type Actor, authorizeRecord, type RecordAction } from "../../lib/policy.ts";

/** Companies: everyone in the workspace reads; admin, manager and member write; readonly only reads. */
export function authorizeCompany(actor: Actor, action: RecordAction): void {
  authorizeRecord(actor, action);
}
