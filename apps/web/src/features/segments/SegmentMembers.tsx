import { ActionIcon, Button, Group, Paper, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserMinus, IconUsers, IconX } from "@tabler/icons-react";
import type { RowSelectionState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { firstFieldMessage } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { companyConfig } from "../companies/company-config.tsx";
import { personConfig } from "../people/person-config.tsx";
import { BulkActions } from "../records/BulkActions.tsx";
import { EmptyState } from "../records/EmptyState.tsx";
import { RecordCards } from "../records/RecordCards.tsx";
import { RecordTable } from "../records/RecordTable.tsx";
import type { AnyRecord, FieldSpec, ObjectConfig } from "../records/record-config.ts";
import { patchRecord } from "../records/records-api.ts";
import { useCan, writePermissionOf } from "../session/permissions.ts";
import { removeSegmentMembers, type Segment, useSegmentMembers } from "./segments-api.ts";

/** Members of a segment in the lists' virtualised table (cards on phones), loaded over `nextCursor`. */
export function SegmentMembers({ segment }: { segment: Segment }) {
  const { t } = useTranslation("segments");
  const phone = useMediaQuery("(max-width: 48em)") ?? false;
  const config = (segment.object === "person"
    ? personConfig
    : companyConfig) as unknown as ObjectConfig<AnyRecord>;
  const fields = useMemo(
    () =>
      config.defaultColumns
        .map((key) => config.fields.find((field) => field.key === key))
        .filter((field): field is FieldSpec<AnyRecord> => Boolean(field)),
    [config],
  );
  const [sort, setSort] = useState<string | null>(null);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const members = useSegmentMembers<AnyRecord>(segment.id, sort);
  const rows = useMemo(() => members.data?.pages.flatMap((page) => page.data) ?? [], [members.data]);
  const selected = rows.filter((record) => selection[record.id]);
  const canWrite = useCan(writePermissionOf(segment.object));
  const canSegment = useCan("segments.write");
  // A static segment's selection only removes members; a dynamic one's runs the lists' bulk actions.
  const selectable = segment.kind === "static" ? canSegment : canWrite || canSegment;

  async function edit(record: AnyRecord, field: FieldSpec<AnyRecord>, value: string) {
    if (!field.toPatch) return;
    try {
      await patchRecord(config.segment, record, field.toPatch(record, value));
      await queryClient.invalidateQueries({ queryKey: ["segments", "members", segment.id] });
    } catch (error) {
      notifyError(error, firstFieldMessage(error));
      throw error;
    }
  }

  async function remove(records: AnyRecord[]) {
    try {
      await removeSegmentMembers(
        segment.id,
        records.map((record) => record.id),
      );
      notifications.show({ color: "green", message: t("members.removed", { count: records.length }) });
      setSelection({});
    } catch (error) {
      notifyError(error);
    }
  }

  if (members.isSuccess && rows.length === 0) {
    return (
      <EmptyState
        icon={IconUsers}
        title={t("members.emptyTitle")}
        text={t(segment.kind === "static" ? "members.emptyStatic" : "members.emptyDynamic")}
      />
    );
  }

  return (
    <>
      {selected.length > 0 &&
        (segment.kind === "static" ? (
          <Paper
            withBorder
            p="xs"
            data-testid="segment-bulk"
            role="region"
            aria-label={t("members.selection")}
          >
            <Group gap="xs">
              <Text size="sm" fw={600} aria-live="polite">
                {t("records:bulk.selected", { count: selected.length })}
              </Text>
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconUserMinus size={14} aria-hidden />}
                onClick={() => remove(selected)}
                data-testid="segment-remove-members"
              >
                {t("members.remove")}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={() => setSelection({})}
              >
                {t("records:bulk.clear")}
              </Button>
            </Group>
          </Paper>
        ) : (
          <BulkActions
            object={segment.object}
            selected={selected}
            canWrite={canWrite}
            canSegment={canSegment}
            onDone={() => setSelection({})}
          />
        ))}
      {phone ? (
        <RecordCards
          config={config}
          fields={fields}
          rows={rows}
          hasNextPage={members.hasNextPage}
          isFetchingNextPage={members.isFetchingNextPage}
          fetchNextPage={members.fetchNextPage}
          renderAction={
            segment.kind === "static" && canSegment
              ? (record) => (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    my={-4}
                    aria-label={t("members.removeOne", { name: config.displayName(record) })}
                    onClick={() => remove([record])}
                    data-testid={`segment-remove-${record.id}`}
                  >
                    <IconUserMinus size={16} aria-hidden />
                  </ActionIcon>
                )
              : undefined
          }
        />
      ) : (
        <RecordTable
          config={config}
          fields={fields}
          rows={rows}
          sort={sort}
          onSortChange={setSort}
          selection={selection}
          onSelectionChange={setSelection}
          selectable={selectable}
          hasNextPage={members.hasNextPage}
          isFetchingNextPage={members.isFetchingNextPage}
          fetchNextPage={members.fetchNextPage}
          onEdit={canWrite ? edit : undefined}
        />
      )}
    </>
  );
}
