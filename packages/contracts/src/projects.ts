import { z } from "zod";
import { listOf, ZLongText, ZRecordMeta, ZShortText } from "./common.ts";

export const PROJECT_STATUSES = ["planned", "active", "on_hold", "done", "cancelled"] as const;
export const ZProjectStatus = z.enum(PROJECT_STATUSES);

export const ZMilestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueDate: z.iso.date().nullable(),
  done: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestone>;
export const ZMilestoneInput = z.strictObject({
  title: ZShortText.min(1),
  dueDate: z.iso.date().nullish(),
  done: z.boolean().optional(),
});

const projectFields = {
  name: ZShortText.min(1),
  description: ZLongText.nullish(),
  companyId: z.uuid().nullish(),
  ownerId: z.uuid().nullish(),
  memberIds: z.array(z.uuid()).max(100),
  startDate: z.iso.date().nullish(),
  deadline: z.iso.date().nullish(),
  status: ZProjectStatus,
};
export const ZProjectCreateRequest = z.strictObject({
  ...projectFields,
  memberIds: projectFields.memberIds.optional(),
  status: projectFields.status.optional(),
  milestones: z.array(ZMilestoneInput).max(100).optional(),
});
export type TProjectCreateRequest = z.infer<typeof ZProjectCreateRequest>;
export const ZProjectUpdateRequest = z.strictObject(projectFields).partial();
export type TProjectUpdateRequest = z.infer<typeof ZProjectUpdateRequest>;

export const ZProject = ZRecordMeta.extend({
  name: z.string(),
  description: z.string().nullable(),
  companyId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  memberIds: z.array(z.uuid()),
  startDate: z.iso.date().nullable(),
  deadline: z.iso.date().nullable(),
  status: ZProjectStatus,
  milestones: z.array(ZMilestone),
  /** The milestone list's version: send it as `If-Match` when replacing the milestones. */
  milestonesVersion: z.int(),
  openTaskCount: z.int(),
});
export type TProject = z.infer<typeof ZProject>;
export const ZProjectList = listOf(ZProject);
