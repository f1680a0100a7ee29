import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Database | Transaction;

/** A raw SQL runner both engines provide; used by pg-boss and by the benchmark. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements separated by semicolons, no parameters; returns the last one's rows. */
  exec<T = Record<string, unknown>>(text: string): Promise<{ rows: T[] }>;
}

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  db: Database;
  raw: RawSql;
  /**
   * Bulk-loads rows in PostgreSQL's COPY text format (tab-separated, `\N` for NULL; see
   * `copyTextRow`) into `table(columns)`: COPY FROM STDIN on PostgreSQL, a blob on PGlite.
   */
  copyFrom(table: string, columns: string[], data: string): Promise<void>;
  /** Runs `work` while holding a database-wide lock (serialises migrations of several processes). */
  withLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel` (from any process on the same database)
   * until the returned function is called. On PostgreSQL one dedicated connection listens and
   * reconnects after a loss; notifications sent while it was down are not replayed.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole database as a tar blob (see `loadDataDir`). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** When set, connect to PostgreSQL; otherwise open embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite; `undefined` with no URL gives an in-memory database (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
  /** PGlite only: start from a dump made by `dumpPglite` (tests start from a migrated template). */
  loadDataDir?: Blob;
}

/** Opens the database for the configured engine. The caller owns the handle and closes it. */
export async function createDatabase(options: CreateDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  return {
    kind: "postgres",
    db,
    raw: {
      async query(text, values) {
        const result = await pool.query(text, values as unknown[]);
        return { rows: result.rows };
      },
      async exec(text) {
        const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
        const last = Array.isArray(result) ? result.at(-1) : result;
        return { rows: (last?.rows ?? []) as never[] };
      },
    },
    async copyFrom(table, columns, data) {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
        await pipeline(Readable.from([data]), stream);
      } finally {
        client.release();
      }
    },
    async withLock(key, work) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => undefined);
        client.release();
      }
    },
    listen: (channel, onPayload) => listenOnPostgres(url, channel, onPayload),
    close: () => pool.end(),
  };
}

const RELISTEN_MS = 1000;

async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on("error", () => {
      // the connection broke: listen again on a new one
      next.end().catch(() => undefined);
      if (client === next) client = undefined;
      if (!stopped) retry = setTimeout(() => void connect().catch(scheduleRetry), RELISTEN_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (stopped) await next.end();
    else client = next;
  };
  const scheduleRetry = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(scheduleRetry), RELISTEN_MS);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? `${dataDir}/pg` : undefined, {
    extensions: { pg_trgm, unaccent },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    raw: {
      async query(text, values) {
        const result = await client.query(text, values ?? []);
        return { rows: result.rows as never[] };
      },
      async exec(text) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      },
    },
    async copyFrom(table, columns, data) {
      await client.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`, [], {
        blob: new Blob([data]),
      });
    },
    // One process owns an embedded database (see db/lock.ts), so there is nobody to wait for.
    withLock: (_key, work) => work(),
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    dump: async () => client.dumpDataDir("none"),
    close: () => client.close(),
  };
}

/** One row in COPY text format: tabs between values, `\N` for NULL, backslash escapes. */
export function copyTextRow(values: unknown[]): string {
  return `${values
    .map((value) => {
      if (value === null || value === undefined) return "\\N";
      const text =
        value instanceof Date
          ? value.toISOString()
          : typeof value === "object"
            ? JSON.stringify(value)
            : String(value);
      return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
    })
    .join("\t")}\n`;
}
