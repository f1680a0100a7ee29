import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../app.ts";
import { createDatabase } from "../db/client.ts";
import { applyMigrations } from "../db/migrate.ts";

/** Builds the app on an in-memory database and returns its OpenAPI document. */
export async function generateOpenApi(): Promise<Record<string, unknown>> {
  const database = await createDatabase({});
  await applyMigrations(database);
  const { app } = await buildApp({
    config: {
      baseUrl: "http://localhost:3000",
      authSecret: "x".repeat(32),
      logLevel: "silent",
      trustProxy: false,
    },
    database,
    logger: false,
    serveWebApp: false,
  });
  await app.ready();
  const spec = app.swagger() as Record<string, unknown>;
  await app.close();
  await database.close();
  return spec;
}

export const openApiSnapshotPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../openapi.json",
);

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const spec = await generateOpenApi();
  writeFileSync(openApiSnapshotPath, `${JSON.stringify(spec, null, 2)}\n`);
  console.log(`wrote ${openApiSnapshotPath}`);
}
