import type { TFunction } from "i18next";
import type { AnyRecord, FieldSpec } from "./record-config.ts";

export function fieldLabel<T extends AnyRecord>(field: FieldSpec<T>, t: TFunction<"records">): string {
  return field.label ?? (field.labelKey ? t(field.labelKey as never) : field.key);
}
