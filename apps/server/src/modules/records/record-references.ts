import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

/**
 * Where other tables point at a person or company. Merging moves these references to the
 * survivor; undo moves exactly the moved rows back. A module with a new link to people or
 * companies adds its entry here, and the merge test checks that every entry moves.
 */
export interface RecordReference {
  table: string;
  /** The column holding the record id. */
  column: string;
  /** Primary key columns, to remember which rows moved. */
  key: string[];
  /** For polymorphic links: the column holding the record type and how it spells it. */
  typeColumn?: string;
  /** Record types this reference applies to. */
  types: ("person" | "company")[];
  /** Columns that, with `column`, must stay unique: a row that would collide is removed instead. */
  uniqueWith?: string[];
}

export const RECORD_REFERENCES: RecordReference[] = [
  { table: "employments", column: "person_id", key: ["id"], types: ["person"] },
  { table: "employments", column: "company_id", key: ["id"], types: ["company"] },
  { table: "people", column: "company_id", key: ["id"], types: ["company"] },
  {
    table: "relations",
    column: "from_id",
    key: ["id"],
    typeColumn: "from_type",
    types: ["person", "company"],
  },
  { table: "relations", column: "to_id", key: ["id"], typeColumn: "to_type", types: ["person", "company"] },
  {
    table: "segment_members",
    column: "record_id",
    key: ["segment_id", "record_id"],
    types: ["person", "company"],
    uniqueWith: ["segment_id"],
  },
  // Activities, tasks and appointments link to records through record_links.
  {
    table: "record_links",
    column: "record_id",
    key: ["id"],
    typeColumn: "record_type",
    types: ["person", "company"],
    uniqueWith: ["source_type", "source_id", "record_type"],
  },
  {
    table: "comments",
    column: "record_id",
    key: ["id"],
    typeColumn: "record_type",
    types: ["person", "company"],
  },
  {
    table: "documents",
    column: "record_id",
    key: ["id"],
    typeColumn: "record_type",
    types: ["person", "company"],
  },
  {
    table: "notifications",
    column: "record_id",
    key: ["id"],
    typeColumn: "record_type",
    types: ["person", "company"],
  },
  { table: "projects", column: "company_id", key: ["id"], types: ["company"] },
];

export interface MovedReference {
  table: string;
  column: string;
  keys: Record<string, unknown>[];
  removed: Record<string, unknown>[];
}

const ident = (name: string) => sql.identifier(name);

async function tableExists(db: Executor, table: string) {
  const result = (await db.execute(sql`SELECT to_regclass(${`public.${table}`}) AS oid`)) as unknown as {
    rows: { oid: unknown }[];
  };
  return result.rows[0]?.oid !== null;
}

/** Moves every reference of `fromId` to `toId` and returns what moved (for undo). */
export async function moveReferences(
  db: Executor,
  options: {
    workspaceId: string;
    type: "person" | "company";
    fromId: string;
    toId: string;
    references?: RecordReference[];
  },
): Promise<MovedReference[]> {
  const moved: MovedReference[] = [];
  for (const reference of options.references ?? RECORD_REFERENCES) {
    if (!reference.types.includes(options.type) || !(await tableExists(db, reference.table))) continue;
    const typeCondition: SQL = reference.typeColumn
      ? sql` AND ${ident(reference.typeColumn)} = ${options.type}`
      : sql``;
    let removed: Record<string, unknown>[] = [];
    if (reference.uniqueWith?.length) {
      const same = sql.join(
        reference.uniqueWith.map((column) => sql`survivor.${ident(column)} = moving.${ident(column)}`),
        sql` AND `,
      );
      const result = (await db.execute(sql`
        DELETE FROM ${ident(reference.table)} moving
         WHERE moving.workspace_id = ${options.workspaceId} AND moving.${ident(reference.column)} = ${options.fromId}
           AND EXISTS (SELECT 1 FROM ${ident(reference.table)} survivor
                        WHERE survivor.workspace_id = ${options.workspaceId}
                          AND survivor.${ident(reference.column)} = ${options.toId} AND ${same})
        RETURNING moving.*`)) as unknown as { rows: Record<string, unknown>[] };
      removed = result.rows;
    }
    const keyColumns = sql.join(
      reference.key.map((column) => ident(column)),
      sql`, `,
    );
    const result = (await db.execute(sql`
      UPDATE ${ident(reference.table)} SET ${ident(reference.column)} = ${options.toId}
       WHERE workspace_id = ${options.workspaceId} AND ${ident(reference.column)} = ${options.fromId}${typeCondition}
      RETURNING ${keyColumns}`)) as unknown as { rows: Record<string, unknown>[] };
    if (result.rows.length || removed.length) {
      moved.push({ table: reference.table, column: reference.column, keys: result.rows, removed });
    }
  }
  return moved;
}

/** Moves back exactly the rows a merge moved, and re-inserts rows it removed. */
export async function restoreReferences(
  db: Executor,
  options: { workspaceId: string; fromId: string; moved: MovedReference[] },
): Promise<void> {
  for (const entry of options.moved) {
    for (const key of entry.keys) {
      // Keys were read after the move: a key column that is the moved column holds the survivor's id.
      const where = sql.join(
        Object.keys(key).map((column) => sql`${ident(column)} = ${key[column] as never}`),
        sql` AND `,
      );
      await db.execute(
        sql`UPDATE ${ident(entry.table)} SET ${ident(entry.column)} = ${options.fromId} WHERE workspace_id = ${options.workspaceId} AND ${where}`,
      );
    }
    for (const row of entry.removed) {
      const columns = Object.keys(row);
      await db.execute(sql`
        INSERT INTO ${ident(entry.table)} (${sql.join(
          columns.map((column) => ident(column)),
          sql`, `,
        )})
        VALUES (${sql.join(
          columns.map((column) => sql`${row[column] as never}`),
          sql`, `,
        )})
        ON CONFLICT DO NOTHING`);
    }
  }
}
