import type { TSegmentCondition, TSegmentDefinition } from "@kontor/contracts";

export type SegmentCondition = TSegmentCondition;
export type SegmentGroup = { match: "all" | "any"; conditions: SegmentCondition[] };
export type SegmentItem = TSegmentDefinition["conditions"][number];

export function isGroup(item: SegmentItem): item is SegmentGroup {
  return "conditions" in item;
}

export function newCondition(field: string): SegmentCondition {
  return { field, op: "eq", value: "" };
}

function conditionComplete(condition: SegmentCondition): boolean {
  return condition.field !== "" && (condition.op === "isNull" || condition.value.trim() !== "");
}

/** True when every condition has a field and a value, so the definition is worth counting. */
export function definitionComplete(definition: TSegmentDefinition): boolean {
  if (definition.conditions.length === 0) return false;
  return definition.conditions.every((item) =>
    isGroup(item)
      ? item.conditions.length > 0 && item.conditions.every(conditionComplete)
      : conditionComplete(item),
  );
}

/** Error paths of a condition, as the API reports them: `definition.conditions.1.conditions.0`. */
export function conditionPath(index: number, inner?: number): string {
  const outer = `definition.conditions.${index}`;
  return inner === undefined ? outer : `${outer}.conditions.${inner}`;
}

/** The errors under one path prefix, keyed by the rest (`field`, `op`, `value`, or "" for the item itself). */
export function errorsAt(errors: Record<string, string>, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) found[""] = message;
    else if (path.startsWith(`${prefix}.`)) {
      const rest = path.slice(prefix.length + 1);
      if (!rest.startsWith("conditions.")) found[rest] = message;
    }
  }
  return found;
}
