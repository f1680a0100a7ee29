import { forbidden } from "../../errors/app-error.ts";
import { type Actor, rolePolicy } from "../../lib/policy.ts";

export type WorkspaceAction = "read_settings" | "update_settings" | "manage_members" | "read_members";

/** Settings: admins and managers change them; members: only admins manage them, everyone sees them. */
export function authorizeWorkspace(actor: Actor, action: WorkspaceAction): void {
  if (action === "read_settings" || action === "read_members") return;
  if (action === "update_settings" && rolePolicy.canConfigure(actor)) return;
  if (action === "manage_members" && rolePolicy.isAdmin(actor)) return;
  throw forbidden(`The ${actor.role} role cannot do this.`);
}
