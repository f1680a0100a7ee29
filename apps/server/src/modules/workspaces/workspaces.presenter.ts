import type { Role, TMember, TWorkspace } from "@kontor/contracts";
import type { memberships, user, workspaces } from "../../db/schema/index.ts";
import { permissionsOfRole } from "./workspace-permissions.ts";

export function presentWorkspace(workspace: typeof workspaces.$inferSelect, role: string): TWorkspace {
  return {
    id: workspace.id,
    name: workspace.name,
    role: role as Role,
    permissions: permissionsOfRole(role as Role),
    settings: workspace.settings,
    createdAt: workspace.createdAt.toISOString(),
  };
}

export function presentMember(row: {
  membership: typeof memberships.$inferSelect;
  user: typeof user.$inferSelect;
}): TMember {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.membership.role as Role,
    createdAt: row.membership.createdAt.toISOString(),
  };
}
