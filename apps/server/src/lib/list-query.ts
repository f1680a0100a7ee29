import { FILTER_OPERATORS, type FieldError, type FilterOperator } from "@kontor/contracts";
import { and, or, type SQL, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error.ts";
import { isCalendarDate } from "./calendar-date.ts";
import { isUuid } from "./uuid.ts";

export type FieldKind = "text" | "number" | "timestamp" | "date" | "uuid" | "tags" | "boolean";

/** How one API field maps to SQL for filtering and sorting. */
export interface FieldSpec {
  expr: SQL;
  kind: FieldKind;
  /** Not-null columns page with a row comparison, which uses the (workspace, column, id) index. */
  nullable: boolean;
  sortable?: boolean;
  /** Filter values are lower-cased before comparing (the expression is lower-cased too). */
  lowercase?: boolean;
  /**
   * lt/lte/gt/gte compare byte by byte (`~<~` …), whatever the database's collation: postal code
   * ranges mean "80000 to 89999", and a text_pattern_ops index serves them as well as prefixes.
   */
  byteOrder?: boolean;
}

export interface ListRequest {
  limit: number;
  cursor?: string | undefined;
  sort?: string | undefined;
  /** The raw query object; `filter[field][op]=value` keys are read from it. */
  raw: Record<string, unknown>;
}

export interface ListPlan {
  where: SQL | undefined;
  orderBy: SQL[];
  sortValue: SQL;
  limit: number;
  /** Builds the cursor that continues after `row`, given its sort value and id. */
  cursorAfter(sortValue: unknown, id: string): string;
}

const FILTER_KEY = /^filter\[([^\]]{1,100})\](?:\[([^\]]{1,20})\])?$/;
const MAX_IN_VALUES = 100;

function invalidFilter(path: string, message: string): AppError {
  return new AppError("invalid_filter", message, [{ path, message }]);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function castValue(kind: FieldKind, value: string, path: string): SQL {
  switch (kind) {
    case "number":
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw invalidFilter(path, `"${value}" is not a number`);
      return sql`${value}::numeric`;
    case "timestamp": {
      // Relative values: now-90d, now-12h (for saved filters such as "no activity in 90 days").
      const relative = /^now(?:-(\d{1,5})([dh]))?$/.exec(value);
      if (relative) {
        const amount = Number(relative[1] ?? 0) * (relative[2] === "h" ? 3_600_000 : 86_400_000);
        return sql`${new Date(Date.now() - amount).toISOString()}::timestamptz`;
      }
      // Years outside 0001-9999 print as "+020000-..." which PostgreSQL cannot read.
      const iso = Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString();
      if (!iso || !/^\d{4}-/.test(iso) || iso.startsWith("0000")) {
        throw invalidFilter(path, `"${value}" is not an ISO 8601 timestamp or now-90d`);
      }
      return sql`${iso}::timestamptz`;
    }
    case "date":
      if (!isCalendarDate(value)) throw invalidFilter(path, `"${value}" is not a date (YYYY-MM-DD)`);
      return sql`${value}::date`;
    case "uuid":
      if (!isUuid(value)) throw invalidFilter(path, `"${value}" is not a UUID`);
      return sql`${value}::uuid`;
    case "boolean":
      if (value !== "true" && value !== "false") throw invalidFilter(path, "Use true or false");
      return sql`${value === "true"}`;
    default:
      return sql`${value}`;
  }
}

export function buildCondition(spec: FieldSpec, op: FilterOperator, rawValue: string, path: string): SQL {
  const { expr, kind } = spec;
  const value = spec.lowercase ? rawValue.toLowerCase() : rawValue;
  if (op === "isNull") {
    if (value !== "true" && value !== "false") throw invalidFilter(path, "isNull takes true or false");
    if (kind === "tags") {
      return value === "true" ? sql`jsonb_array_length(${expr}) = 0` : sql`jsonb_array_length(${expr}) > 0`;
    }
    return value === "true" ? sql`${expr} IS NULL` : sql`${expr} IS NOT NULL`;
  }
  if (kind === "tags") {
    const values = op === "in" ? splitIn(value, path) : [value];
    if (op === "eq" || op === "contains") return sql`${expr} @> ${JSON.stringify([value])}::jsonb`;
    if (op === "ne") return sql`NOT (${expr} @> ${JSON.stringify([value])}::jsonb)`;
    if (op === "in")
      return sql`${expr} ?| ${sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`}`;
    throw invalidFilter(path, `Operator ${op} does not apply to a list field`);
  }
  if (op === "contains" || op === "startsWith") {
    if (kind !== "text") throw invalidFilter(path, `Operator ${op} applies to text fields only`);
    const pattern = op === "contains" ? `%${escapeLike(value)}%` : `${escapeLike(value)}%`;
    // Without letters (postal codes, numbers) case does not matter, and a LIKE prefix can use a
    // text_pattern_ops index where ILIKE cannot.
    const caseless = value.toLowerCase() === value.toUpperCase();
    return caseless ? sql`${expr} LIKE ${pattern}` : sql`${expr} ILIKE ${pattern}`;
  }
  if (op === "in") {
    const values = splitIn(value, path).map((item) => castValue(kind, item, path));
    return sql`${expr} IN (${sql.join(values, sql`, `)})`;
  }
  if (kind === "boolean" && op !== "eq" && op !== "ne")
    throw invalidFilter(path, `Operator ${op} needs an ordered field`);
  const operand = castValue(kind, value, path);
  const byte = spec.byteOrder && kind === "text";
  const comparators: Record<string, SQL> = {
    eq: sql`${expr} = ${operand}`,
    ne: sql`${expr} IS DISTINCT FROM ${operand}`,
    lt: byte ? sql`${expr} ~<~ ${operand}` : sql`${expr} < ${operand}`,
    lte: byte ? sql`${expr} ~<=~ ${operand}` : sql`${expr} <= ${operand}`,
    gt: byte ? sql`${expr} ~>~ ${operand}` : sql`${expr} > ${operand}`,
    gte: byte ? sql`${expr} ~>=~ ${operand}` : sql`${expr} >= ${operand}`,
  };
  return comparators[op]!;
}

function splitIn(value: string, path: string): string[] {
  const values = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (values.length === 0) throw invalidFilter(path, "in needs at least one value");
  if (values.length > MAX_IN_VALUES) throw invalidFilter(path, `in takes at most ${MAX_IN_VALUES} values`);
  return values;
}

/** Reads every `filter[field][op]=value` of a query and turns it into SQL conditions. */
export function parseFilters(
  raw: Record<string, unknown>,
  resolveField: (name: string) => FieldSpec | undefined,
): SQL[] {
  const conditions: SQL[] = [];
  const errors: FieldError[] = [];
  for (const [key, rawValue] of Object.entries(raw)) {
    if (!key.startsWith("filter")) continue;
    const match = FILTER_KEY.exec(key);
    if (!match) {
      errors.push({ path: key, message: "Use filter[field][operator]=value" });
      continue;
    }
    const [, field, op = "eq"] = match;
    const spec = resolveField(field!);
    if (!spec) {
      errors.push({ path: key, message: `Unknown filter field "${field}"` });
      continue;
    }
    if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
      errors.push({
        path: key,
        message: `Unknown operator "${op}"; use one of ${FILTER_OPERATORS.join(", ")}`,
      });
      continue;
    }
    if (typeof rawValue !== "string") {
      errors.push({ path: key, message: "Give each filter once, as a string" });
      continue;
    }
    conditions.push(buildCondition(spec, op as FilterOperator, rawValue, key));
  }
  if (errors.length) throw new AppError("invalid_filter", "A filter is not valid.", errors);
  return conditions;
}

function sortValueExpr(spec: FieldSpec): SQL {
  if (spec.kind === "timestamp") {
    return sql`to_char(${spec.expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  return sql`(${spec.expr})::text`;
}

interface DecodedCursor {
  value: string | null;
  id: string;
}

function malformedCursor(message = "Malformed cursor"): AppError {
  return new AppError("invalid_cursor", "The cursor is not valid; start again without it.", [
    { path: "cursor", message },
  ]);
}

/** A cursor is `[sortValue, id, sort]`; it only continues the sort order it was made for. */
function decodeCursor(cursor: string, sort: string): DecodedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw malformedCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    (parsed[0] !== null && typeof parsed[0] !== "string") ||
    typeof parsed[1] !== "string" ||
    !isUuid(parsed[1])
  ) {
    throw malformedCursor();
  }
  if (parsed[2] !== sort) throw malformedCursor("The cursor belongs to another sort order");
  return { value: parsed[0], id: parsed[1] };
}

function cursorCondition(spec: FieldSpec, idExpr: SQL, descending: boolean, cursor: DecodedCursor): SQL {
  const id = sql`${cursor.id}::uuid`;
  const cmp = descending ? sql`<` : sql`>`;
  if (cursor.value === null) {
    return sql`(${spec.expr} IS NULL AND ${idExpr} ${cmp} ${id})`;
  }
  let value: SQL;
  try {
    value = castValue(spec.kind, cursor.value, "cursor");
  } catch {
    throw malformedCursor();
  }
  if (!spec.nullable) return sql`(${spec.expr}, ${idExpr}) ${cmp} (${value}, ${id})`;
  return or(
    sql`${spec.expr} ${cmp} ${value}`,
    sql`(${spec.expr} = ${value} AND ${idExpr} ${cmp} ${id})`,
    sql`${spec.expr} IS NULL`,
  )!;
}

/**
 * Turns list parameters into a keyset-paginated plan: filters, one sort field with the id as
 * tie-breaker (NULLS LAST), and a cursor that encodes the last row's sort value and id.
 */
export function planList(options: {
  request: ListRequest;
  idExpr: SQL;
  defaultSort: string;
  resolveField: (name: string) => FieldSpec | undefined;
  extraConditions?: (SQL | undefined)[];
}): ListPlan {
  const { request, idExpr, resolveField } = options;
  const sortParam = request.sort?.trim() || options.defaultSort;
  const descending = sortParam.startsWith("-");
  const sortField = descending ? sortParam.slice(1) : sortParam;
  const sortSpec = resolveField(sortField);
  if (!sortSpec || sortSpec.sortable === false || sortSpec.kind === "tags") {
    throw new AppError("invalid_sort", `Cannot sort by "${sortField}".`, [
      { path: "sort", message: `Unknown or unsortable field "${sortField}"` },
    ]);
  }
  const conditions = [...(options.extraConditions ?? []), ...parseFilters(request.raw, resolveField)];
  if (request.cursor)
    conditions.push(cursorCondition(sortSpec, idExpr, descending, decodeCursor(request.cursor, sortParam)));
  const direction = descending ? sql`DESC` : sql`ASC`;
  return {
    where: and(...conditions),
    // NULLS LAST only where NULLs exist: on a NOT NULL column it would keep PostgreSQL from
    // reading the (workspace, column, id) index backwards for a descending sort.
    orderBy: [
      sortSpec.nullable ? sql`${sortSpec.expr} ${direction} NULLS LAST` : sql`${sortSpec.expr} ${direction}`,
      sql`${idExpr} ${direction}`,
    ],
    sortValue: sortValueExpr(sortSpec),
    limit: request.limit,
    cursorAfter: (value, id) =>
      Buffer.from(
        JSON.stringify([value === null || value === undefined ? null : String(value), id, sortParam]),
      ).toString("base64url"),
  };
}

/** Applies a plan's result: trims the look-ahead row and computes nextCursor. */
export function pageOf<T>(rows: { row: T; sortValue: unknown; id: string }[], plan: ListPlan) {
  const hasMore = rows.length > plan.limit;
  const page = hasMore ? rows.slice(0, plan.limit) : rows;
  const last = page.at(-1);
  return {
    rows: page.map((item) => item.row),
    nextCursor: hasMore && last ? plan.cursorAfter(last.sortValue, last.id) : null,
  };
}
