import type { Database } from "../../db/client.ts";
import { insertNotification } from "../notifications/notifications.repository.ts";
import * as repo from "./tasks.repository.ts";

/** Reminders claimed per transaction. */
const REMINDER_BATCH = 100;

/**
 * Delivers every reminder that is due: claims the tasks and writes their notifications in one
 * transaction, so each reminder fires exactly once, whichever worker runs it and however often.
 */
export async function deliverDueReminders(db: Database, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  let total = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await repo.claimDueReminders(tx, { now, limit: REMINDER_BATCH });
      for (const row of rows) {
        const userId = row.assigneeId ?? row.createdBy;
        if (!userId) continue;
        await insertNotification(tx, {
          workspaceId: row.workspaceId,
          userId,
          type: "task_reminder",
          title: row.title,
          body: row.dueAt ? `Due ${row.dueAt.toISOString()}` : null,
          recordType: "task",
          recordId: row.id,
          dedupeKey: `task-reminder:${row.id}:${row.reminderAt?.toISOString()}`,
        });
      }
      return rows.length;
    });
    total += claimed;
    if (claimed < REMINDER_BATCH) return total;
  }
}
