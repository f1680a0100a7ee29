import "./segments-i18n.ts";
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconFilterStar, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../records/EmptyState.tsx";
import type { RecordObject } from "../records/record-config.ts";
import { useCan } from "../session/permissions.ts";
import { SegmentCount } from "./SegmentCount.tsx";
import { SegmentEditorModal } from "./SegmentEditorModal.tsx";
import { segmentsQuery } from "./segments-api.ts";

type ObjectFilter = RecordObject | "all";

/** All segments of the workspace with their live counts; the entry to the segment builder. */
export function SegmentsPage() {
  const { t } = useTranslation("segments");
  const [filter, setFilter] = useState<ObjectFilter>("all");
  const [creating, setCreating] = useState(false);
  const canCreate = useCan("segments.write");
  const { data: segments = [], isSuccess } = useQuery(segmentsQuery());
  const shown = segments.filter((segment) => filter === "all" || segment.object === filter);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="new-segment"
          >
            {t("new")}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        {t("intro")}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={filter}
        onChange={(value) => setFilter(value as ObjectFilter)}
        data={[
          { value: "all", label: t("filterAll") },
          { value: "person", label: t("objectsPlural.person") },
          { value: "company", label: t("objectsPlural.company") },
        ]}
        aria-label={t("filterLabel")}
        data-testid="segments-object-filter"
      />
      {isSuccess && shown.length === 0 ? (
        <EmptyState
          icon={IconFilterStar}
          title={t(segments.length > 0 ? "emptyFilteredTitle" : "emptyTitle")}
          text={t(canCreate ? "emptyText" : "emptyTextReadOnly")}
          action={
            canCreate
              ? { label: t("new"), onClick: () => setCreating(true), testId: "segments-empty-create" }
              : undefined
          }
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={340}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="segments-list" aria-label={t("title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("fields.name")}</Table.Th>
                  <Table.Th visibleFrom="sm">{t("fields.object")}</Table.Th>
                  <Table.Th visibleFrom="sm">{t("fields.kind")}</Table.Th>
                  <Table.Th style={{ textAlign: "right" }}>{t("fields.count")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((segment) => (
                  <Table.Tr key={segment.id} data-testid={`segment-row-${segment.id}`}>
                    <Table.Td>
                      <Anchor
                        fz="sm"
                        fw={500}
                        renderRoot={(props) => (
                          <Link to="/segments/$id" params={{ id: segment.id }} {...props} />
                        )}
                        data-testid={`segment-link-${segment.id}`}
                      >
                        {segment.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {t(`objectsPlural.${segment.object}`)} · {t(`kinds.${segment.kind}`)}
                      </Text>
                      {segment.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {segment.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{t(`objectsPlural.${segment.object}`)}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Badge variant="light" color={segment.kind === "dynamic" ? "blue" : "gray"} tt="none">
                        {t(`kinds.${segment.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>
                      <Group justify="flex-end">
                        <SegmentCount id={segment.id} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {creating && (
        <SegmentEditorModal
          initialObject={filter === "company" ? "company" : "person"}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}
