import {
  and,
  Column,
  eq,
  getTableColumns,
  getTableName,
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

  return {
    /** `"table"."column", …` for every column, to put after SELECT. */
    columns: selectList,
    map,
    /** Runs a query whose select list starts with `columns`; extra columns stay on `extra`. */
    async query(
      db: Executor,
      query: SQL,
    ): Promise<{ row: InferSelectModel<T>; extra: Record<string, unknown> }[]> {
      const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
      return result.rows.map((raw) => ({ row: map(raw), extra: raw }));
    },
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
