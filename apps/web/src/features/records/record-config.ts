import type { TCompany, TPerson } from "@kontor/contracts";
import type { ReactNode } from "react";

export type RecordObject = "person" | "company";
export type AnyRecord = TPerson | TCompany;

export type EditKind = "text" | "email" | "number" | "url" | "tags";

/** One column of a list: how to read, show, sort, filter and edit a field. */
export interface FieldSpec<T> {
  /** Column id; also the filter field (`city`, `customFields.size`). */
  key: string;
  /** i18n key in the records namespace, or a ready label (custom fields). */
  labelKey?: string;
  label?: string;
  width: number;
  /** Text shown in the cell and on phone cards. */
  display: (record: T) => string;
  /** Optional rich cell content (links, badges, looked-up names). */
  render?: (record: T) => ReactNode;
  /** Raw value an editor starts from. */
  editValue?: (record: T) => string;
  edit?: EditKind;
  /** Builds the PATCH body from the edited text. */
  toPatch?: (record: T, text: string) => Record<string, unknown>;
  sortable?: boolean;
  filterable?: boolean;
  /** Renders the name as a link to the record page. */
  isName?: boolean;
}

export interface ObjectConfig<T extends AnyRecord> {
  object: RecordObject;
  /** URL segment of the API and the app: people | companies. */
  segment: "people" | "companies";
  fields: FieldSpec<T>[];
  defaultColumns: string[];
  filterFields: readonly string[];
  displayName: (record: T) => string;
}

export interface FilterCondition {
  field: string;
  op: string;
  value: string;
}

export interface ListParams {
  q: string;
  filters: FilterCondition[];
  sort: string | null;
}
