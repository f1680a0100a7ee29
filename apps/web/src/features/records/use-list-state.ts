import { useDebouncedValue, useLocalStorage } from "@mantine/hooks";
import { useState } from "react";
import type { FilterCondition, RecordObject } from "./record-config.ts";
import type { SavedView } from "./saved-views-api.ts";

/** Search, filters, sort, columns and the active saved view of one list. Columns persist per object. */
export function useListState(object: RecordObject, defaultColumns: string[]) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const [filters, setFilters] = useState<FilterCondition[]>([]);
  const [sort, setSort] = useState<string | null>("-createdAt");
  const [columns, setColumns] = useLocalStorage<string[]>({
    key: `kontor.columns.${object}`,
    defaultValue: defaultColumns,
    getInitialValueInEffect: false,
  });
  const [viewId, setViewId] = useState<string | null>(null);

  function applyView(view: SavedView | null) {
    setViewId(view?.id ?? null);
    if (!view) {
      setFilters([]);
      setSort("-createdAt");
      setColumns(defaultColumns);
      return;
    }
    setFilters(view.filters);
    setSort(view.sort);
    if (view.columns.length > 0) setColumns(view.columns);
  }

  return { search, setSearch, q, filters, setFilters, sort, setSort, columns, setColumns, viewId, applyView };
}
