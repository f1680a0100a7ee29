import type { Database } from "../../db/client.ts";
import { insertNotification } from "../notifications/notifications.repository.ts";
import { findLanguages } from "../workspaces/users.repository.ts";
import { reminderBody } from "./reminder-text.ts";
import * as repo from "./tasks.repository.ts";

/** Reminders claimed per transaction. */
const REMINDER_BATCH = 100;

/**
 * Delivers every reminder that is due: claims the tasks and writes their notifications in one
 * transaction, so each reminder fires exactly once, whichever worker runs it and however often.
 * The body is written in the recipient's language (`user.language`, German when unset).
 */
export async function deliverDueReminders(db: Database, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  let total = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await repo.claimDueReminders(tx, { now, limit: REMINDER_BATCH });
      const recipientOf = (row: (typeof rows)[number]) => row.assigneeId ?? row.createdBy;
      const languages = await findLanguages(
        tx,
        rows.map(recipientOf).filter((id): id is string => id !== null),
      );
      for (const row of rows) {
        const userId = recipientOf(row);
        if (!userId) continue;
        await insertNotification(tx, {
          workspaceId: row.workspaceId,
          userId,
          type: "task_reminder",
          title: row.title,
          body: reminderBody({ dueAt: row.dueAt, timeZone: row.timeZone, language: languages.get(userId) }),
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
