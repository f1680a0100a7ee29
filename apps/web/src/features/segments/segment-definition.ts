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

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Checks number and date values before the server sees them, so the message is in the UI
 * language; `in` lists are checked item by item. Returns errors by API path.
 */
export function valueErrors({
  definition,
  kindOf,
  messages,
}: {
  definition: TSegmentDefinition;
  kindOf: (field: string) => "text" | "number" | "date";
  messages: { number: string; date: string };
}): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (condition: SegmentCondition, path: string) => {
    if (condition.op === "isNull" || condition.value.trim() === "") return;
    const kind = kindOf(condition.field);
    if (kind === "text") return;
    const values = condition.op === "in" ? condition.value.split(",") : [condition.value];
    const pattern = kind === "number" ? NUMBER : DATE;
    if (values.some((value) => !pattern.test(value.trim()))) errors[`${path}.value`] = messages[kind];
  };
  definition.conditions.forEach((item, index) => {
    if (!isGroup(item)) {
      check(item, conditionPath(index));
      return;
    }
    item.conditions.forEach((condition, inner) => {
      check(condition, conditionPath(index, inner));
    });
  });
  return errors;
}
