import type { Role } from "@kontor/contracts";
import { forbidden } from "../errors/app-error.ts";

/** Who is acting: a signed-in user or an API key, always inside one workspace. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  via: "session" | "api_key";
}

export type RecordAction = "read" | "create" | "update" | "delete";

const WRITERS: readonly Role[] = ["admin", "manager", "member"];
const CONFIGURERS: readonly Role[] = ["admin", "manager"];

/** Role rules shared by the record modules; each module's policy file builds on these. */
export const rolePolicy = {
  canRead: (_actor: Actor) => true,
  canWrite: (actor: Actor) => WRITERS.includes(actor.role),
  canConfigure: (actor: Actor) => CONFIGURERS.includes(actor.role),
  isAdmin: (actor: Actor) => actor.role === "admin",
};

/** Throws 403 unless the actor's role allows the action on ordinary CRM records. */
export function authorizeRecord(actor: Actor, action: RecordAction): void {
  if (action === "read") return;
  if (!rolePolicy.canWrite(actor)) throw forbidden(`The ${actor.role} role cannot ${action} records.`);
}
