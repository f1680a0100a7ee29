import http from "node:http";
import { parseArgs } from "node:util";
import pino from "pino";
import { z } from "zod";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config/config.ts";
import { createDatabase } from "../db/client.ts";
import { DataDirLockedError, lockDataDir, readLockHolder } from "../db/lock.ts";
import { applyMigrations } from "../db/migrate.ts";
import { AppError } from "../errors/app-error.ts";
import { adminSocketPath, type ServiceRole, startServer } from "../server.ts";
import { createAdminCommands, ZCliApiKeyCreate, ZCliUserCreate } from "./admin-socket.ts";

const HELP = `Usage: kontor <command> [options]

Commands:
  start [--services=web,worker]       run Kontor (default: web and worker in one process)
  migrate                             apply database migrations
  users create --email E --password P --name N [--role admin] [--workspace NAME]
                                      create a user (and the workspace when it does not exist)
  api-keys create --email E [--workspace NAME] [--name LABEL]
                                      create an API key; prints the key alone on the last line

Environment: PORT (3000), HOST (127.0.0.1), KONTOR_DATA_DIR (./data), DATABASE_URL (PostgreSQL;
unset = embedded database in the data folder), KONTOR_BASE_URL, KONTOR_AUTH_SECRET, LOG_LEVEL.`;

class CliError extends Error {}

function parseServices(value: string | undefined): ServiceRole[] {
  const roles = (value ?? "web,worker")
    .split(",")
    .map((role) => role.trim())
    .filter(Boolean);
  for (const role of roles)
    if (role !== "web" && role !== "worker") throw new CliError(`Unknown service "${role}": use web, worker`);
  if (!roles.length) throw new CliError("--services needs web, worker or both");
  return roles as ServiceRole[];
}

async function start(config: Config, services: ServiceRole[]) {
  const log = pino({ level: config.logLevel });
  const server = await startServer(config, services, log);
  log.info(
    `Kontor is running${server.url ? ` at ${config.baseUrl}` : ""} (${config.databaseUrl ? "PostgreSQL" : `embedded database in ${config.dataDir}`})`,
  );
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off("SIGTERM", shutdown);
      process.off("SIGINT", shutdown);
      void server.stop().then(resolve);
    };
    process.on("SIGTERM", shutdown);
    process.on("SIGINT", shutdown);
  });
}

/** Sends an admin command to the running server over its socket in the data folder. */
function viaSocket(config: Config, command: string, body: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        socketPath: adminSocketPath(config.dataDir),
        path: command,
        method: "POST",
        headers: { "content-type": "application/json" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
          if ((response.statusCode ?? 500) >= 400) reject(new CliError(parsed.error ?? "command failed"));
          else resolve(parsed);
        });
      },
    );
    request.on("error", (error) =>
      reject(new CliError(`The running server did not answer on its socket: ${error.message}`)),
    );
    request.end(JSON.stringify(body));
  });
}

/** Runs an admin command in-process, or through the server when it holds the embedded database. */
async function runAdmin(
  config: Config,
  command: "/users" | "/api-keys" | "/migrate",
  body: unknown,
): Promise<Record<string, unknown>> {
  if (!config.databaseUrl && readLockHolder(config.dataDir) !== null) return viaSocket(config, command, body);
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await applyMigrations(database);
    if (command === "/migrate") return { migrated: true };
    const { app, services } = await buildApp({ config, database, logger: false, serveWebApp: false });
    try {
      const commands = createAdminCommands(services);
      return command === "/users"
        ? await commands.createUser(ZCliUserCreate.parse(body))
        : await commands.createApiKey(ZCliApiKeyCreate.parse(body));
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    lock?.release();
  }
}

/** Runs the `kontor` command line; returns the exit code. */
export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [command, subcommand] = argv;
  try {
    const { values } = parseArgs({
      args: command?.startsWith("-") ? [] : argv.slice(command === "users" || command === "api-keys" ? 2 : 1),
      options: {
        services: { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        workspace: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (!command || values.help || command === "help" || command === "--help" || command === "-h") {
      out.write(`${HELP}\n`);
      return command ? 0 : 1;
    }
    const config = loadConfig();
    if (command === "start") {
      await start(config, parseServices(values.services ?? process.env.KONTOR_SERVICES));
      return 0;
    }
    if (command === "migrate") {
      await runAdmin(config, "/migrate", {});
      out.write("Migrations applied.\n");
      return 0;
    }
    if (command === "users" && subcommand === "create") {
      const input = ZCliUserCreate.parse({
        ...values,
        role: values.role ?? "admin",
        workspace: values.workspace ?? "Default",
      });
      const result = await runAdmin(config, "/users", input);
      out.write(
        `${result.created ? "Created" : "Added"} ${input.email} as ${input.role} in workspace "${result.workspaceName}".\n${result.userId}\n`,
      );
      return 0;
    }
    if (command === "api-keys" && subcommand === "create") {
      const input = ZCliApiKeyCreate.parse({
        email: values.email,
        workspace: values.workspace,
        name: values.name,
      });
      const result = await runAdmin(config, "/api-keys", input);
      out.write(
        `API key for ${input.email} in workspace "${result.workspaceName}" (shown once):\n${result.key}\n`,
      );
      return 0;
    }
    throw new CliError(`Unknown command "${argv.slice(0, 2).join(" ")}".\n\n${HELP}`);
  } catch (error) {
    if (error instanceof z.ZodError) {
      err.write(
        `Invalid input:\n${error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`).join("\n")}\n`,
      );
    } else if (
      error instanceof CliError ||
      error instanceof AppError ||
      error instanceof DataDirLockedError
    ) {
      err.write(`${error.message}\n`);
    } else if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      err.write(`${error.message}\n\n${HELP}\n`);
    } else {
      err.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return 1;
  }
}
