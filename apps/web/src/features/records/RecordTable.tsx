import { Checkbox, Loader, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { type RowSelectionState, rowSelectionFeature, tableFeatures, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type CSSProperties, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { EditableCell } from "./EditableCell.tsx";
import { fieldLabel } from "./field-label.ts";
import { RecordLink } from "./RecordLink.tsx";
import type { AnyRecord, FieldSpec, ObjectConfig } from "./record-config.ts";

const features = tableFeatures({ rowSelectionFeature });
const ROW_HEIGHT = 40;
const SELECT_WIDTH = 44;

export interface RecordTableProps<T extends AnyRecord> {
  config: ObjectConfig<T>;
  fields: FieldSpec<T>[];
  rows: T[];
  sort: string | null;
  onSortChange: (sort: string | null) => void;
  selection: RowSelectionState;
  onSelectionChange: (selection: RowSelectionState) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  onEdit: (record: T, field: FieldSpec<T>, value: string) => Promise<void>;
}

/** Virtualised list table: only the rows in view are in the DOM, so 10,000 loaded rows stay smooth. */
export function RecordTable<T extends AnyRecord>(props: RecordTableProps<T>) {
  const { config, fields, rows, sort, selection, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const { t } = useTranslation("records");
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(
    () => fields.map((field) => ({ id: field.key, accessorFn: (record: T) => field.display(record) })),
    [fields],
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (record: T) => record.id,
    enableRowSelection: true,
    state: { rowSelection: selection },
    onRowSelectionChange: (updater) =>
      props.onSelectionChange(typeof updater === "function" ? updater(selection) : updater),
  });
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => tableRows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tableRows.length - 30) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, tableRows.length, fetchNextPage]);

  const totalWidth = SELECT_WIDTH + fields.reduce((sum, field) => sum + field.width, 0);
  const allSelected = table.getIsAllRowsSelected();
  const someSelected = table.getIsSomeRowsSelected();

  return (
    <div
      ref={scrollRef}
      style={{ height: "calc(100dvh - 230px)", minHeight: 320, overflow: "auto", position: "relative" }}
    >
      <table
        aria-label={t(`${config.segment}.title`)}
        aria-rowcount={rows.length + 1}
        data-testid="record-table"
        style={{ display: "grid", width: totalWidth, minWidth: "100%", borderCollapse: "collapse" }}
      >
        <thead style={{ display: "grid", position: "sticky", top: 0, zIndex: 2 }}>
          <tr aria-rowindex={1} className="kontor-header" style={{ height: ROW_HEIGHT }}>
            <th className="kontor-cell" style={{ width: SELECT_WIDTH }}>
              <Checkbox
                aria-label={t("list.selectAll")}
                data-testid="select-all"
                checked={allSelected}
                indeterminate={!allSelected && someSelected}
                onChange={table.getToggleAllRowsSelectedHandler()}
              />
            </th>
            {fields.map((field) => (
              <HeaderCell key={field.key} field={field} sort={sort} onSortChange={props.onSortChange} />
            ))}
          </tr>
        </thead>
        <tbody style={{ display: "grid", height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const record = row.original;
            const selected = row.getIsSelected();
            const style: CSSProperties = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className="kontor-row"
                data-selected={selected}
                data-testid={`row-${record.id}`}
                style={style}
              >
                <td className="kontor-cell" style={{ width: SELECT_WIDTH }}>
                  <Checkbox
                    aria-label={t("list.selectRow", { name: config.displayName(record) })}
                    checked={selected}
                    onChange={row.getToggleSelectedHandler()}
                  />
                </td>
                {fields.map((field) => (
                  <td key={field.key} className="kontor-cell" style={{ width: field.width }}>
                    <CellContent config={config} field={field} record={record} onEdit={props.onEdit} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isFetchingNextPage && (
        <div style={{ position: "sticky", left: 0, bottom: 0, padding: 8, textAlign: "center" }}>
          <Loader size="sm" aria-label={t("common:loading")} />
        </div>
      )}
    </div>
  );
}

function HeaderCell<T extends AnyRecord>(props: {
  field: FieldSpec<T>;
  sort: string | null;
  onSortChange: (sort: string | null) => void;
}) {
  const { field, sort } = props;
  const { t } = useTranslation("records");
  const label = fieldLabel(field, t);
  const direction = sort === field.key ? "ascending" : sort === `-${field.key}` ? "descending" : undefined;
  const next = direction === "ascending" ? `-${field.key}` : direction === "descending" ? null : field.key;
  return (
    <th
      aria-sort={field.sortable ? (direction ?? "none") : undefined}
      className="kontor-cell"
      style={{ width: field.width }}
      data-testid={`header-${field.key}`}
    >
      {field.sortable ? (
        <UnstyledButton
          onClick={() => props.onSortChange(next)}
          fw={600}
          fz="sm"
          aria-label={t("list.sortBy", { field: label })}
          style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
        >
          {label}
          {direction === "ascending" && <IconArrowUp size={14} aria-hidden />}
          {direction === "descending" && <IconArrowDown size={14} aria-hidden />}
        </UnstyledButton>
      ) : (
        <span style={{ fontSize: "var(--mantine-font-size-sm)" }}>{label}</span>
      )}
    </th>
  );
}

function CellContent<T extends AnyRecord>(props: {
  config: ObjectConfig<T>;
  field: FieldSpec<T>;
  record: T;
  onEdit: (record: T, field: FieldSpec<T>, value: string) => Promise<void>;
}) {
  const { config, field, record } = props;
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
  if (!field.edit || !field.toPatch || field.isName) return content;
  return (
    <EditableCell
      label={fieldLabel(field, t)}
      initial={field.editValue ? field.editValue(record) : field.display(record)}
      type={field.edit}
      testId={`cell-${field.key}`}
      onSave={(value) => props.onEdit(record, field, value)}
    >
      {content}
    </EditableCell>
  );
}
