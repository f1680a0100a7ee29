import { Checkbox, Loader, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { type RowSelectionState, rowSelectionFeature, tableFeatures, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldLabel } from "./field-label.ts";
import { RecordRow } from "./RecordRow.tsx";
import type { AnyRecord, FieldSpec, ObjectConfig } from "./record-config.ts";

const features = tableFeatures({ rowSelectionFeature });

import { ROW_HEIGHT, SELECT_WIDTH } from "./RecordRow.tsx";

export interface RecordTableProps<T extends AnyRecord> {
  config: ObjectConfig<T>;
  fields: FieldSpec<T>[];
  rows: T[];
  sort: string | null;
  onSortChange: (sort: string | null) => void;
  selection: RowSelectionState;
  onSelectionChange: (selection: RowSelectionState) => void;
  /** Without any bulk action the member may run, rows have no checkboxes. */
  selectable: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Saves an inline edit; without it every cell is read-only. */
  onEdit?: ((record: T, field: FieldSpec<T>, value: string) => Promise<void>) | undefined;
}

/** Virtualised list table: only the rows in view are in the DOM, so 10,000 loaded rows stay smooth. */
export function RecordTable<T extends AnyRecord>(props: RecordTableProps<T>) {
  const {
    config,
    fields,
    rows,
    sort,
    selection,
    selectable,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
  } = props;
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
    enableRowSelection: selectable,
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

  // Stable callbacks keep memoised rows from re-rendering while the list scrolls.
  const latest = useRef({ selection, onSelectionChange: props.onSelectionChange, onEdit: props.onEdit });
  latest.current = { selection, onSelectionChange: props.onSelectionChange, onEdit: props.onEdit };
  const toggleRow = useCallback((id: string, checked: boolean) => {
    const { selection: current, onSelectionChange } = latest.current;
    const { [id]: _removed, ...rest } = current;
    onSelectionChange(checked ? { ...current, [id]: true } : rest);
  }, []);
  const editRecord = useCallback(
    (record: T, field: FieldSpec<T>, value: string) =>
      latest.current.onEdit?.(record, field, value) ?? Promise.resolve(),
    [],
  );
  const editable = Boolean(props.onEdit);

  const totalWidth = (selectable ? SELECT_WIDTH : 0) + fields.reduce((sum, field) => sum + field.width, 0);
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
            {selectable && (
              <th className="kontor-cell" style={{ width: SELECT_WIDTH }}>
                <Checkbox
                  aria-label={t("list.selectAll")}
                  data-testid="select-all"
                  checked={allSelected}
                  indeterminate={!allSelected && someSelected}
                  onChange={table.getToggleAllRowsSelectedHandler()}
                />
              </th>
            )}
            {fields.map((field) => (
              <HeaderCell key={field.key} field={field} sort={sort} onSortChange={props.onSortChange} />
            ))}
          </tr>
        </thead>
        <tbody style={{ display: "grid", height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            return (
              <RecordRow
                key={row.id}
                config={config}
                fields={fields}
                record={row.original}
                index={item.index}
                start={item.start}
                selected={Boolean(selection[row.id])}
                selectable={selectable}
                onToggle={toggleRow}
                onEdit={editable ? editRecord : undefined}
              />
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
