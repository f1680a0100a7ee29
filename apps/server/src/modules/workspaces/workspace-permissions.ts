import { PERMISSIONS, type Permission, type Role } from "@kontor/contracts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, authorizeRecord, rolePolicy } from "../../lib/policy.ts";
import { authorizeActivity } from "../activities/activities.policy.ts";
import { authorizeComment } from "../comments/comments.policy.ts";
import { authorizeCompany } from "../companies/companies.policy.ts";
import { authorizePerson } from "../people/people.policy.ts";
import { authorizeTask } from "../tasks/tasks.policy.ts";
import { authorizeWorkspace } from "./workspaces.policy.ts";

/** True when the policy check passes, false when it answers 403; any other error is a bug and surfaces. */
function allows(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return false;
    throw error;
  }
}

/**
 * Each permission a client may ask about, answered by the same policy the services call.
 * Modules without a policy file of their own call `authorizeRecord` in their services; saved
 * views and custom fields check `rolePolicy` inline (`saved-views.service.ts`, `custom-fields.service.ts`).
 */
const RULES: Record<Permission, (actor: Actor) => boolean> = {
  "people.write": (actor) => allows(() => authorizePerson(actor, "update")),
  "companies.write": (actor) => allows(() => authorizeCompany(actor, "update")),
  "activities.write": (actor) => allows(() => authorizeActivity(actor, "update")),
  "tasks.write": (actor) => allows(() => authorizeTask(actor, "update")),
  "appointments.write": (actor) => allows(() => authorizeRecord(actor, "update")),
  "projects.write": (actor) => allows(() => authorizeRecord(actor, "update")),
  "documents.write": (actor) => allows(() => authorizeRecord(actor, "update")),
  "comments.write": (actor) => allows(() => authorizeComment(actor, "create")),
  "comments.deleteAny": (actor) =>
    allows(() => authorizeComment(actor, "delete", { authorId: "someone-else" })),
  "relations.write": (actor) => allows(() => authorizeRecord(actor, "create")),
  "segments.write": (actor) => allows(() => authorizeRecord(actor, "update")),
  "savedViews.share": (actor) => rolePolicy.canWrite(actor),
  "savedViews.manageShared": (actor) => rolePolicy.canConfigure(actor),
  "customFields.manage": (actor) => rolePolicy.canConfigure(actor),
  "settings.update": (actor) => allows(() => authorizeWorkspace(actor, "update_settings")),
  "members.manage": (actor) => allows(() => authorizeWorkspace(actor, "manage_members")),
};

/**
 * What a member with this role may do in a workspace, for clients that show or hide controls.
 * The server still checks every request; this list only spares clients a copy of the rules.
 */
export function permissionsOfRole(role: Role): Permission[] {
  const actor: Actor = { userId: "", workspaceId: "", role, via: "session" };
  return PERMISSIONS.filter((permission) => RULES[permission](actor));
}
