import { Checkbox } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { EditableCell } from "./EditableCell.tsx";
import { fieldLabel } from "./field-label.ts";
import { RecordLink } from "./RecordLink.tsx";
import type { AnyRecord, FieldSpec, ObjectConfig } from "./record-config.ts";

export const ROW_HEIGHT = 40;
export const SELECT_WIDTH = 44;

interface RecordRowProps<T extends AnyRecord> {
  config: ObjectConfig<T>;
  fields: FieldSpec<T>[];
  record: T;
  index: number;
  start: number;
  selected: boolean;
  selectable: boolean;
  onToggle: (id: string, checked: boolean) => void;
  /** Without it the cells only show their values (a role that may not edit). */
  onEdit: ((record: T, field: FieldSpec<T>, value: string) => Promise<void>) | undefined;
}

/** One virtual row; memoised so scrolling only renders rows that come into view. */
function RecordRowInner<T extends AnyRecord>(props: RecordRowProps<T>) {
  const { config, fields, record, selected } = props;
  const { t } = useTranslation("records");
  return (
    <tr
      aria-rowindex={props.index + 2}
      aria-selected={selected}
      className="kontor-row"
      data-selected={selected}
      data-testid={`row-${record.id}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${props.start}px)` }}
    >
      {props.selectable && (
        <td className="kontor-cell" style={{ width: SELECT_WIDTH }}>
          <Checkbox
            aria-label={t("list.selectRow", { name: config.displayName(record) })}
            checked={selected}
            onChange={(event) => props.onToggle(record.id, event.currentTarget.checked)}
          />
        </td>
      )}
      {fields.map((field) => (
        <td key={field.key} className="kontor-cell" style={{ width: field.width }}>
          <CellContent config={config} field={field} record={record} onEdit={props.onEdit} />
        </td>
      ))}
    </tr>
  );
}

export const RecordRow = memo(RecordRowInner) as typeof RecordRowInner;

function CellContent<T extends AnyRecord>(props: {
  config: ObjectConfig<T>;
  field: FieldSpec<T>;
  record: T;
  onEdit: ((record: T, field: FieldSpec<T>, value: string) => Promise<void>) | undefined;
}) {
  const { config, field, record, onEdit } = props;
  const { t } = useTranslation("records");
  const content = field.isName ? (
    <RecordLink segment={config.segment} id={record.id}>
      {config.displayName(record)}
    </RecordLink>
  ) : (
    <span style={{ fontSize: "var(--mantine-font-size-sm)" }}>
      {field.render ? field.render(record) : field.display(record)}
    </span>
  );
  if (!onEdit || !field.edit || !field.toPatch || field.isName) return content;
  return (
    <EditableCell
      label={fieldLabel(field, t)}
      initial={field.editValue ? field.editValue(record) : field.display(record)}
      type={field.edit}
      testId={`cell-${field.key}`}
      onSave={(value) => onEdit(record, field, value)}
    >
      {content}
    </EditableCell>
  );
}
