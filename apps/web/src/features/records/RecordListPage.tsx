import { Button, Group, Stack, TextInput, Title } from "@mantine/core";
import { useHotkeys, useMediaQuery } from "@mantine/hooks";
import { IconPlus, IconSearch, IconUsers } from "@tabler/icons-react";
import type { RowSelectionState } from "@tanstack/react-table";
import { type ComponentType, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { firstFieldMessage, isApiError } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { NoPermission } from "../session/NoPermission.tsx";
import { useCan, writePermissionOf } from "../session/permissions.ts";
import { BulkActions } from "./BulkActions.tsx";
import { ColumnChooser } from "./ColumnChooser.tsx";
import { EmptyState } from "./EmptyState.tsx";
import { FilterBuilder } from "./FilterBuilder.tsx";
import { customFieldSpecs } from "./field-helpers.tsx";
import { RecordCards } from "./RecordCards.tsx";
import { RecordTable } from "./RecordTable.tsx";
import type { AnyRecord, FieldSpec, ObjectConfig } from "./record-config.ts";
import { patchRecord, useCustomFields, useRecordList } from "./records-api.ts";
import { SavedViews } from "./SavedViews.tsx";
import { useListState } from "./use-list-state.ts";

export interface CreateFormProps {
  opened: boolean;
  onClose: () => void;
}

interface RecordListPageProps<T extends AnyRecord> {
  config: ObjectConfig<T>;
  CreateForm: ComponentType<CreateFormProps>;
  createOpen: boolean;
  onCreateOpenChange: (open: boolean) => void;
}

export function RecordListPage<T extends AnyRecord>({
  config,
  CreateForm,
  createOpen,
  onCreateOpenChange,
}: RecordListPageProps<T>) {
  const { t } = useTranslation("records");
  const phone = useMediaQuery("(max-width: 48em)") ?? false;
  const state = useListState(config.object, config.defaultColumns);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const searchRef = useRef<HTMLInputElement>(null);
  const definitions = useCustomFields(config.object);
  const allFields = useMemo(
    () => [...config.fields, ...customFieldSpecs<T>(definitions)],
    [config.fields, definitions],
  );
  const visibleFields = useMemo(
    () =>
      state.columns
        .map((key) => allFields.find((field) => field.key === key))
        .filter((field): field is FieldSpec<T> => Boolean(field)),
    [state.columns, allFields],
  );
  const params = { q: state.q, filters: state.filters, sort: state.sort };
  const list = useRecordList<T>(config.segment, params);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const selected = rows.filter((record) => selection[record.id]);
  const narrowed = Boolean(state.q.trim()) || state.filters.length > 0;
  const canWrite = useCan(writePermissionOf(config.object));
  const canSegment = useCan("segments.write");
  const listPath = config.segment === "people" ? "/people" : "/companies";

  useHotkeys([
    ["/", () => searchRef.current?.focus()],
    ["n", () => canWrite && onCreateOpenChange(true)],
  ]);

  async function edit(record: T, field: FieldSpec<T>, value: string) {
    if (!field.toPatch) return;
    try {
      await patchRecord(config.segment, record, field.toPatch(record, value));
    } catch (error) {
      if (isApiError(error) && error.code === "version_conflict") {
        notifyError(error, t("list.conflict"));
        await queryClient.invalidateQueries({ queryKey: [config.segment, "list"] });
      } else {
        notifyError(error, firstFieldMessage(error));
      }
      throw error;
    }
  }

  // A link to the create form (`?new=true`) says plainly that this role cannot create.
  if (createOpen && !canWrite) return <NoPermission backTo={listPath} />;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {t(`${config.segment}.title`)}
        </Title>
        {canWrite && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onCreateOpenChange(true)}
            data-testid={config.object === "person" ? "new-person" : "new-company"}
          >
            {t(`${config.segment}.new`)}
          </Button>
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        <TextInput
          ref={searchRef}
          type="search"
          aria-label={t("list.quickSearch")}
          placeholder={t("list.quickSearchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={state.search}
          onChange={(event) => state.setSearch(event.currentTarget.value)}
          data-testid="quick-search"
          style={{ flex: "1 1 200px", maxWidth: 320 }}
        />
        <FilterBuilder
          fields={allFields}
          filterFields={config.filterFields}
          value={state.filters}
          onChange={state.setFilters}
        />
        {!phone && <ColumnChooser fields={allFields} value={state.columns} onChange={state.setColumns} />}
        <SavedViews
          object={config.object}
          activeId={state.viewId}
          current={{ ...params, columns: state.columns }}
          onApply={state.applyView}
        />
      </Group>
      {selected.length > 0 && (
        <BulkActions
          object={config.object}
          selected={selected}
          canWrite={canWrite}
          canSegment={canSegment}
          onDone={() => setSelection({})}
        />
      )}
      {list.isSuccess && rows.length === 0 ? (
        narrowed ? (
          <EmptyState
            icon={IconSearch}
            title={t("empty.noMatchesTitle")}
            text={t("empty.noMatchesText")}
            action={{
              label: t("filters.clear"),
              onClick: () => {
                state.setSearch("");
                state.setFilters([]);
              },
            }}
          />
        ) : (
          <EmptyState
            icon={IconUsers}
            title={t(`${config.segment}.emptyTitle`)}
            text={t(canWrite ? `${config.segment}.emptyText` : `${config.segment}.emptyTextReadOnly`)}
            action={
              canWrite
                ? {
                    label: t(`${config.segment}.new`),
                    onClick: () => onCreateOpenChange(true),
                    testId: "empty-create",
                  }
                : undefined
            }
          />
        )
      ) : phone ? (
        <RecordCards
          config={config}
          fields={visibleFields}
          rows={rows}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
        />
      ) : (
        <RecordTable
          config={config}
          fields={visibleFields}
          rows={rows}
          sort={state.sort}
          onSortChange={state.setSort}
          selection={selection}
          onSelectionChange={setSelection}
          selectable={canWrite || canSegment}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          onEdit={canWrite ? edit : undefined}
        />
      )}
      {createOpen && <CreateForm opened onClose={() => onCreateOpenChange(false)} />}
    </Stack>
  );
}
