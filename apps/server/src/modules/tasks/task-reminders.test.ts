import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../db/client.ts";
import { taskRemindersJob } from "../../jobs/definitions.ts";
import { type JobRunner, startJobRunner } from "../../jobs/runner.ts";
import { expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";
import { deliverDueReminders } from "./task-reminders.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "reminders" });
  member = await ctx.createUser({ role: "member", workspace: "reminders" });
});
afterAll(() => ctx.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function remindersOf(taskId: string): Promise<number> {
  const { rows } = await ctx.database.raw.query<{ n: string | number }>(
    "select count(*) as n from notifications where record_id = $1 and type = 'task_reminder'",
    [taskId],
  );
  return Number(rows[0]?.n ?? 0);
}

async function createTask(body: Record<string, unknown>) {
  const response = await ctx.request({ method: "POST", path: "/api/v1/tasks", as: admin, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

/** A worker process as `kontor start --services=worker` runs it, reminders job only, no cron. */
function startWorker(): Promise<JobRunner> {
  return startJobRunner({
    database: ctx.database,
    services: ctx.services,
    log: pino({ level: "silent" }),
    definitions: [{ ...taskRemindersJob, cron: undefined }],
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error("timed out");
}

describe("task reminders", () => {
  it("fire exactly once through the worker, also when the worker restarts in between", async () => {
    const task = await createTask({
      title: "Rückruf Müller",
      assigneeId: member.userId,
      reminderAt: new Date(Date.now() + 2500).toISOString(),
    });

    // worker 1 runs before the reminder is due, then stops (restart)
    const first = await startWorker();
    await first.send(taskRemindersJob.name);
    await sleep(1500);
    expect(await remindersOf(task.id)).toBe(0);
    await first.stop();

    await sleep(1500); // now due, while no worker runs

    // worker 2 delivers it
    const second = await startWorker();
    await second.send(taskRemindersJob.name);
    await waitFor(async () => (await remindersOf(task.id)) === 1);
    // a second run, and runs racing each other, deliver nothing more
    await Promise.all([ctx.services.tasks.deliverDueReminders(), ctx.services.tasks.deliverDueReminders()]);
    await second.stop();

    // worker 3 after another restart: still exactly one
    const third = await startWorker();
    await third.send(taskRemindersJob.name);
    await sleep(2500);
    await third.stop();
    expect(await remindersOf(task.id)).toBe(1);

    const inbox = await ctx.request({ path: "/api/v1/notifications", as: member });
    const reminder = inbox.body.data.find(
      (n: { recordId: string; type: string }) => n.recordId === task.id && n.type === "task_reminder",
    );
    expect(reminder).toMatchObject({ title: "Rückruf Müller", recordType: "task", readAt: null });
    const stored = await ctx.request({ path: `/api/v1/tasks/${task.id}`, as: admin });
    expect(stored.body.reminderSentAt).not.toBeNull();
  }, 60_000);

  it("racing deliveries claim each due reminder once", async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const tasks = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createTask({ title: `race-${i}`, reminderAt: past })),
    );
    const counts = await Promise.all(
      Array.from({ length: 4 }, () => ctx.services.tasks.deliverDueReminders()),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    for (const task of tasks) expect(await remindersOf(task.id)).toBe(1);
  });

  it("a snoozed reminder fires once more; done tasks and switched-off settings stay quiet", async () => {
    const task = await createTask({
      title: "snooze me",
      reminderAt: new Date(Date.now() - 1000).toISOString(),
    });
    await ctx.services.tasks.deliverDueReminders();
    expect(await remindersOf(task.id)).toBe(1);
    const snoozed = await ctx.request({
      method: "POST",
      path: `/api/v1/tasks/${task.id}/snooze`,
      as: admin,
      body: { minutes: 10 },
    });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.reminderSentAt).toBeNull();
    await ctx.services.tasks.deliverDueReminders({ now: new Date(Date.now() + 5 * 60_000) });
    expect(await remindersOf(task.id)).toBe(1);
    await ctx.services.tasks.deliverDueReminders({ now: new Date(Date.now() + 11 * 60_000) });
    expect(await remindersOf(task.id)).toBe(2);

    const done = await createTask({
      title: "done",
      status: "done",
      reminderAt: new Date(Date.now() - 1000).toISOString(),
    });
    await ctx.request({
      method: "PUT",
      path: "/api/v1/notifications/settings",
      as: member,
      body: { task_reminder: false },
    });
    const quiet = await createTask({
      title: "quiet",
      assigneeId: member.userId,
      reminderAt: new Date(Date.now() - 1000).toISOString(),
    });
    await ctx.services.tasks.deliverDueReminders();
    expect(await remindersOf(done.id)).toBe(0);
    expect(await remindersOf(quiet.id)).toBe(0);
  });
  it("word the reminder in the recipient's language: German, English, German when unset", async () => {
    const deutsch = await ctx.createUser({ role: "member", workspace: "reminders" });
    const english = await ctx.createUser({ role: "member", workspace: "reminders" });
    const unset = await ctx.createUser({ role: "member", workspace: "reminders" });
    for (const [user, language] of [
      [deutsch, "de"],
      [english, "en"],
    ] as const) {
      const saved = await ctx.request({ method: "PATCH", path: "/api/v1/me", as: user, body: { language } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.user.language).toBe(language);
    }
    expect((await ctx.request({ path: "/api/v1/me", as: unset })).body.user.language).toBeNull();
    expectProblem(
      await ctx.request({ method: "PATCH", path: "/api/v1/me", as: unset, body: { language: "fr" } }),
      400,
      "validation_failed",
    );

    // due Thursday 3 December 2026, 09:00 in Berlin (08:00 UTC)
    const due = { dueAt: "2026-12-03T08:00:00.000Z", timeZone: "Europe/Berlin" };
    const past = new Date(Date.now() - 1000).toISOString();
    const ids = {
      de: (await createTask({ title: "Angebot", assigneeId: deutsch.userId, reminderAt: past, ...due })).id,
      en: (await createTask({ title: "Offer", assigneeId: english.userId, reminderAt: past, ...due })).id,
      unset: (await createTask({ title: "Ohne", assigneeId: unset.userId, reminderAt: past, ...due })).id,
    };
    await ctx.services.tasks.deliverDueReminders();
    const bodyOf = async (user: TestUser, taskId: string) => {
      const inbox = await ctx.request({ path: "/api/v1/notifications", as: user });
      return inbox.body.data.find((n: { recordId: string }) => n.recordId === taskId)?.body as string;
    };
    const german = await bodyOf(deutsch, ids.de);
    expect(german).toMatch(/^Fällig: Donnerstag, 3\. Dezember 2026.*09:00/);
    expect(german).not.toContain("Due");
    expect(await bodyOf(english, ids.en)).toMatch(/^Due Thursday,? 3 December 2026.*09:00/);
    expect(await bodyOf(unset, ids.unset)).toMatch(/^Fällig: Donnerstag/);
  });

  it("reach an open notification stream at once when another process delivers them (NOTIFY)", async () => {
    // on PostgreSQL a second connection pool stands for a worker process; PGlite has one process
    const worker = ctx.databaseUrl
      ? await createDatabase({ databaseUrl: ctx.databaseUrl, poolSize: 1 })
      : ctx.database;
    const listener = await ctx.createUser({ role: "member", workspace: "reminders" });
    const controller = new AbortController();
    try {
      const response = await fetch(`${ctx.baseUrl}/api/v1/notifications/stream`, {
        headers: { authorization: `Bearer ${listener.apiKey}` },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      const readUntil = async (needle: string, ms: number) => {
        const until = Date.now() + ms;
        while (!text.includes(needle) && Date.now() < until) {
          const chunk = await Promise.race([reader.read(), sleep(until - Date.now()).then(() => null)]);
          if (!chunk || chunk.done) break;
          text += decoder.decode(chunk.value, { stream: true });
        }
        return text.includes(needle);
      };
      expect(await readUntil("event: unread", 5000)).toBe(true);
      const task = await createTask({
        title: "Angebot nachfassen",
        assigneeId: listener.userId,
        reminderAt: new Date(Date.now() + 300).toISOString(),
      });
      await sleep(400);
      expect(await deliverDueReminders(worker.db)).toBeGreaterThanOrEqual(1);
      // the streams' safety poll runs every 30 s: arriving within 5 s means NOTIFY woke it
      const reminder = '"type":"task_reminder","title":"Angebot nachfassen"';
      expect(await readUntil(reminder, 5000), "the reminder arrives without waiting for a poll").toBe(true);
      expect(text).toContain(`"recordId":"${task.id}"`);
      await reader.cancel().catch(() => undefined);
    } finally {
      controller.abort();
      if (worker !== ctx.database) await worker.close();
    }
  });
});
