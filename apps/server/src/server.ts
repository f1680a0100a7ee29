import { rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pino, { type Logger } from "pino";
import { buildApp } from "./app.ts";
import { createAdminHandler } from "./cli/admin-socket.ts";
import type { Config } from "./config/config.ts";
import { createDatabase } from "./db/client.ts";
import { type DataDirLock, lockDataDir } from "./db/lock.ts";
import { applyMigrations } from "./db/migrate.ts";
import { type JobRunner, startJobRunner } from "./jobs/runner.ts";
import { createFolderStorage } from "./lib/file-storage.ts";
import { createSmtpMailer } from "./lib/mailer.ts";
import { createS3Storage } from "./lib/s3-storage.ts";

export type ServiceRole = "web" | "worker";

export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, "kontor.sock");
}

export interface RunningServer {
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts Kontor: takes the data folder lock (embedded database), applies migrations, then runs
 * the requested roles. Resolves once listening; `stop()` shuts down gracefully.
 */
export async function startServer(
  config: Config,
  roles: ServiceRole[],
  logger?: Logger,
): Promise<RunningServer> {
  const log = logger ?? pino({ level: config.logLevel });
  let lock: DataDirLock | null = null;
  if (!config.databaseUrl) lock = lockDataDir(config.dataDir);

  const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await applyMigrations(database);
  const mailer = config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : undefined;
  const files = config.s3
    ? createS3Storage(config.s3)
    : createFolderStorage(path.join(config.dataDir, "files"));
  const { app, services } = await buildApp({ config, database, logger: log, mailer, files });

  let jobs: JobRunner | null = null;
  if (roles.includes("worker")) {
    jobs = await startJobRunner({ database, databaseUrl: config.databaseUrl, services, log });
    log.info("worker started");
  }

  let url: string | null = null;
  if (roles.includes("web")) {
    url = await app.listen({ port: config.port, host: config.host });
  } else {
    await app.ready();
  }

  // While this process owns the embedded database, the CLI talks to it through a local socket.
  let adminServer: http.Server | null = null;
  if (lock) {
    const socketPath = adminSocketPath(config.dataDir);
    rmSync(socketPath, { force: true });
    adminServer = http.createServer(createAdminHandler(services, log));
    await new Promise<void>((resolve) => adminServer!.listen(socketPath, resolve));
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      log.info("shutting down");
      if (adminServer) await new Promise<void>((resolve) => adminServer!.close(() => resolve()));
      await app.close();
      if (jobs) await jobs.stop();
      await database.close();
      lock?.release();
      log.info("stopped");
    })();
    return stopping;
  };
  return { url, stop };
}
