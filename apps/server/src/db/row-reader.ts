import {
  and,
  Column,
  eq,
  getTableColumns,
  getTableName,
  type InferInsertModel,
  type InferSelectModel,
  isNull,
  type SQL,
  sql,
  type Table,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ListPlan } from "../lib/list-query.ts";
import type { Executor } from "./client.ts";

type Decoder = ((value: unknown) => unknown) | null;

/**
 * Reads whole rows of one table on hot paths (list pages, record fetches) with the select list
 * and the row mapper built once per table instead of once per query (decision 0014).
 *
 * Drizzle's query builder rebuilds and escapes a table's 25-odd columns for every query and maps
 * each value through generic type checks: for a 50-row page that cost as much CPU as the SQL
 * itself. Conditions and ordering are still written with drizzle's `sql`; only the selection and
 * the mapping are precomputed. Values are decoded by the columns' own `mapFromDriverValue`, so a
 * row reads exactly as `db.select().from(table)` would read it.
 */
export function rowReader<T extends Table>(table: T) {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const identity = Column.prototype.mapFromDriverValue;
  const fields: [key: string, dbName: string, decode: Decoder][] = columns.map(([key, column]) => [
    key,
    column.name,
    column.mapFromDriverValue === identity ? null : (value) => column.mapFromDriverValue(value),
  ]);
  const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
  const selectList = sql.raw(
    columns.map(([, column]) => `${quoted(name)}.${quoted(column.name)}`).join(", "),
  );

  function map(row: Record<string, unknown>): InferSelectModel<T> {
    const out: Record<string, unknown> = {};
    for (const [key, dbName, decode] of fields) {
      const value = row[dbName];
      out[key] = value === null || value === undefined || decode === null ? (value ?? null) : decode(value);
    }
    return out as InferSelectModel<T>;
  }

  const byKey = new Map(columns.map(([key, column]) => [key, column]));

  /** A value as JSON for jsonb_populate_recordset: json(b) as it is, the rest as the driver gets it. */
  const jsonValue = (column: Column, value: unknown) => {
    if (value === null) return null;
    const type = column.getSQLType();
    if (type === "jsonb" || type === "json") return value;
    return value instanceof Date ? value.toISOString() : column.mapToDriverValue(value);
  };

  // Values drizzle computes in JavaScript for a missing key (`$defaultFn`, e.g. UUIDv7 ids).
  const defaultFns = columns.filter(([, column]) => column.defaultFn !== undefined);
  const withDefaultFns = (row: InferInsertModel<T>): InferInsertModel<T> => {
    const filled = { ...row } as Record<string, unknown>;
    for (const [key, column] of defaultFns) if (filled[key] === undefined) filled[key] = column.defaultFn!();
    return filled as InferInsertModel<T>;
  };

  const keysOf = (row: object) =>
    Object.keys(row).filter((key) => byKey.has(key) && (row as Record<string, unknown>)[key] !== undefined);

  /**
   * `INSERT … RETURNING` every column, for rows that all set the same keys, with one parameter:
   * the rows as a JSON array, expanded by `jsonb_populate_recordset`. Drizzle's multi-row INSERT
   * binds (and checks) every value as a parameter of its own — for a batch of creates the largest
   * share of Kontor's CPU per create. Columns the rows leave out keep their database defaults.
   * A statement of its own, or the body of a `WITH inserted AS (…)`.
   */
  function insertStatement(given: InferInsertModel<T>[]): SQL {
    const rows = given.map(withDefaultFns);
    const keys = keysOf(rows[0]!);
    const signature = keys.join(",");
    if (rows.some((row) => keysOf(row).join(",") !== signature))
      throw new Error(`insertStatement(${name}): every row must set the same keys`);
    const names = keys.map((key) => quoted(byKey.get(key)!.name)).join(", ");
    const json = JSON.stringify(
      rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const key of keys)
          out[byKey.get(key)!.name] = jsonValue(byKey.get(key)!, (row as Record<string, unknown>)[key]);
        return out;
      }),
    );
    return sql`INSERT INTO ${table} (${sql.raw(names)})
      SELECT ${sql.raw(names)} FROM jsonb_populate_recordset(NULL::${table}, ${json}::jsonb)
      RETURNING ${selectList}`;
  }

  /**
   * Inserts rows through `insertStatement`, grouped by the keys they set (so a column a row
   * leaves out keeps its database default, as with drizzle). Returns the stored rows in the order
   * given.
   */
  async function insertMany(db: Executor, rows: InferInsertModel<T>[]): Promise<InferSelectModel<T>[]> {
    const groups = new Map<string, number[]>();
    rows.forEach((row, index) => {
      const signature = keysOf(row).join(",");
      const indexes = groups.get(signature);
      if (indexes) indexes.push(index);
      else groups.set(signature, [index]);
    });
    const stored: InferSelectModel<T>[] = new Array(rows.length);
    for (const indexes of groups.values()) {
      const inserted = await query(db, insertStatement(indexes.map((index) => rows[index]!)));
      placeInOrder(
        indexes.map((index) => rows[index]!),
        inserted.map(({ row }) => row),
      ).forEach((row, at) => {
        stored[indexes[at]!] = row;
      });
    }
    return stored;
  }

  /** Stored rows in the order of the rows given: by id where rows have one, else as returned. */
  function placeInOrder(given: object[], returned: InferSelectModel<T>[]): InferSelectModel<T>[] {
    const byId = new Map(returned.map((row) => [(row as { id?: unknown }).id, row]));
    return given.map((row, at) => byId.get((row as { id?: unknown }).id) ?? returned[at]!);
  }

  async function query(db: Executor, statement: SQL) {
    const result = (await db.execute(statement)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows.map((raw) => ({ row: map(raw), extra: raw }));
  }

  return {
    /** `"table"."column", …` for every column, to put after SELECT. */
    columns: selectList,
    map,
    insertStatement,
    insertMany,
    placeInOrder,
    /** Runs a query whose select list starts with `columns`; extra columns stay on `extra`. */
    query,
  };
}

/** A workspace's soft-deletable records (people, companies, …): the columns these reads need. */
type RecordTable = Table & { id: AnyPgColumn; workspaceId: AnyPgColumn; deletedAt: AnyPgColumn };

/** The two hot reads of a record table, on a row reader: one record by id, and a list page. */
export function recordRows<T extends RecordTable>(table: T) {
  const reader = rowReader(table);
  return {
    ...reader,
    async findById(
      db: Executor,
      workspaceId: string,
      id: string,
      options: { withDeleted?: boolean } = {},
    ): Promise<InferSelectModel<T> | undefined> {
      const [found] = await reader.query(
        db,
        sql`SELECT ${reader.columns} FROM ${table} WHERE ${table.workspaceId} = ${workspaceId} AND ${table.id} = ${id}${
          options.withDeleted ? sql`` : sql` AND ${table.deletedAt} IS NULL`
        }`,
      );
      return found?.row;
    },
    /** One keyset page of a list plan (lib/list-query.ts), with its look-ahead row. */
    async listPage(db: Executor, workspaceId: string, plan: ListPlan) {
      const rows = await reader.query(
        db,
        sql`SELECT ${reader.columns}, ${plan.sortValue} AS "__sort_value" FROM ${table}
          WHERE ${and(eq(table.workspaceId, workspaceId), isNull(table.deletedAt), plan.where)}
          ORDER BY ${sql.join(plan.orderBy, sql`, `)} LIMIT ${plan.limit + 1}`,
      );
      return rows.map(({ row, extra }) => ({ row, sortValue: extra.__sort_value, id: extra.id as string }));
    },
  };
}
