import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Services } from "../app.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { type JobDefinition, jobDefinitions } from "./definitions.ts";

export interface JobRunner {
  boss: PgBoss;
  send(name: string, payload?: object): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on the app's own database (PGlite through its `db` adapter, or PostgreSQL
 * through the connection string), registers every job definition and its schedule.
 */
export async function startJobRunner(options: {
  database: DatabaseHandle;
  databaseUrl?: string | undefined;
  services: Services;
  log: Logger;
  definitions?: JobDefinition[];
  work?: boolean;
}): Promise<JobRunner> {
  const { database, log } = options;
  const boss = options.databaseUrl
    ? new PgBoss({ connectionString: options.databaseUrl, max: 3, schema: "pgboss" })
    : new PgBoss({
        schema: "pgboss",
        db: {
          async executeSql(text: string, values: unknown[]) {
            if (!values || values.length === 0) return database.raw.exec(text);
            return database.raw.query(text, values);
          },
        },
      });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();

  const definitions = options.definitions ?? jobDefinitions;
  for (const definition of definitions) {
    await boss.createQueue(definition.name, {
      name: definition.name,
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: true,
    });
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
    if (options.work !== false) {
      await boss.work(definition.name, async ([job]) => {
        if (!job) return;
        const payload = definition.payload.parse(job.data ?? {});
        log.info({ job: definition.name, id: job.id }, "job started");
        await definition.handler(payload, options.services);
      });
    }
  }

  return {
    boss,
    send: (name, payload = {}) => boss.send(name, payload),
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
