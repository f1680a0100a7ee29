import { z } from "zod";
import type { Services } from "../app.ts";

/** A job is data: its name, payload schema, handler, retry policy and optional schedule. */
export interface JobDefinition<T extends z.ZodType = z.ZodType> {
  name: string;
  payload: T;
  retryLimit: number;
  retryDelaySeconds: number;
  /** Cron expression (UTC) when the job runs on a schedule. */
  cron?: string;
  handler(payload: z.infer<T>, services: Services): Promise<void>;
}

export const purgeTrashJob: JobDefinition = {
  name: "trash-purge",
  payload: z.object({}).loose(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  cron: "17 3 * * *",
  async handler(_payload, services) {
    await services.trash.purgeExpired();
  },
};

/**
 * Delivers due task reminders as notifications. Runs every minute; the claim and the
 * notification commit together, so a reminder fires exactly once even across worker restarts.
 */
export const taskRemindersJob: JobDefinition = {
  name: "task-reminders",
  payload: z.object({}).loose(),
  retryLimit: 3,
  retryDelaySeconds: 10,
  cron: "* * * * *",
  async handler(_payload, services) {
    await services.tasks.deliverDueReminders();
  },
};

export const jobDefinitions: JobDefinition[] = [purgeTrashJob, taskRemindersJob];
