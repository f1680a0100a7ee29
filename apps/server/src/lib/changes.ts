import { isDeepStrictEqual } from "node:util";

export type Changes = Record<string, { old: unknown; new: unknown }>;

/** The fields whose values differ between two API-shaped snapshots of a record. */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ["id", "createdAt", "updatedAt", "version", "createdBy", "displayName"],
): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const oldValue = before?.[key] ?? null;
    const newValue = after?.[key] ?? null;
    if (!isDeepStrictEqual(oldValue, newValue)) changes[key] = { old: oldValue, new: newValue };
  }
  return changes;
}
