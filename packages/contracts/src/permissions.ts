import { z } from "zod";

/**
 * What a member may do in a workspace, named for clients. The server derives each member's list
 * from its own policies and sends it with the workspace (`GET /api/v1/me`), so a client shows or
 * hides controls without keeping a copy of the role rules. Reading needs no permission: every
 * member reads every record of their workspace.
 *
 * - `<records>.write`: create, edit, delete and restore such records (tasks: also complete and snooze)
 * - `comments.deleteAny`: delete another member's comment (everyone may delete their own)
 * - `savedViews.share`: save a list view for the whole workspace
 * - `savedViews.manageShared`: change or delete a shared view someone else saved
 * - `customFields.manage`: define custom fields
 * - `settings.update`: change the workspace settings
 * - `members.manage`: add members, change their roles, remove them
 *
 * @example
 * if (workspace.permissions.includes("people.write")) showCreateButton();
 */
export const PERMISSIONS = [
  "people.write",
  "companies.write",
  "activities.write",
  "tasks.write",
  "appointments.write",
  "projects.write",
  "documents.write",
  "comments.write",
  "comments.deleteAny",
  "relations.write",
  "segments.write",
  "savedViews.share",
  "savedViews.manageShared",
  "customFields.manage",
  "settings.update",
  "members.manage",
] as const;
export const ZPermission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof ZPermission>;
