import type { Permission, TrashRecordType } from "@kontor/contracts";
import { useMemo } from "react";
import { useSession } from "./session-api.ts";

/**
 * What the signed-in member may do in the current workspace, as the server lists it in `/me`.
 * The server still checks every request; this only keeps controls away that would be refused.
 */
export function usePermissions(): ReadonlySet<Permission> {
  const { workspace } = useSession();
  const permissions = workspace?.permissions;
  return useMemo(() => new Set(permissions ?? []), [permissions]);
}

/** Whether the signed-in member may do this in the current workspace, e.g. `useCan("people.write")`. */
export function useCan(permission: Permission): boolean {
  return usePermissions().has(permission);
}

const WRITE_PERMISSION: Record<TrashRecordType, Permission> = {
  person: "people.write",
  company: "companies.write",
  activity: "activities.write",
  task: "tasks.write",
  appointment: "appointments.write",
  project: "projects.write",
  document: "documents.write",
  comment: "comments.write",
};

/** The permission that creates, edits, deletes and restores records of this kind. */
export function writePermissionOf(recordType: TrashRecordType): Permission {
  return WRITE_PERMISSION[recordType];
}
