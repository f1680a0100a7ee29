import type { TRelation } from "@kontor/contracts";
import { ActionIcon, Button, Group, Select, Stack, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { useCan } from "../session/permissions.ts";
import { RecordLink } from "./RecordLink.tsx";
import { RecordPicker } from "./RecordPicker.tsx";
import type { RecordObject } from "./record-config.ts";
import { workspaceSettingsQuery } from "./records-api.ts";

/** Labelled links between records (parent of, referred by, ...) in both directions. */
export function RelationsPanel({ recordType, recordId }: { recordType: RecordObject; recordId: string }) {
  const { t } = useTranslation("records");
  const canWrite = useCan("relations.write");
  const key = ["relations", recordType, recordId];
  const { data: relations = [] } = useQuery({
    queryKey: key,
    queryFn: async () =>
      (
        unwrap(await api.GET("/api/v1/relations", { params: { query: { recordType, recordId } } })) as {
          data: TRelation[];
        }
      ).data,
  });
  const { data: settings } = useQuery(workspaceSettingsQuery);
  const labels = settings?.relationLabels ?? [];
  const [label, setLabel] = useState<string | null>(null);
  const [target, setTarget] = useState<{ type: RecordObject; id: string } | null>(null);

  const labelText = (value: string) => labels.find((item) => item.key === value)?.label ?? value;

  async function add() {
    if (!label || !target) return;
    try {
      unwrap(
        await api.POST("/api/v1/relations", {
          body: { from: { type: recordType, id: recordId }, to: target, label },
        }),
      );
      setTarget(null);
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove(id: string) {
    try {
      unwrap(await api.DELETE("/api/v1/relations/{id}", { params: { path: { id } } }));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap="sm" data-testid="relations-panel">
      {relations.length === 0 && <Text c="dimmed">{t("relations.empty")}</Text>}
      {relations.map((relation) => {
        const outgoing = relation.from.id === recordId;
        const other = outgoing ? relation.to : relation.from;
        return (
          <Group key={relation.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="xs" c="dimmed">
                {outgoing
                  ? labelText(relation.label)
                  : t("relations.inverse", { label: labelText(relation.label) })}
              </Text>
              <RecordLink segment={other.type === "person" ? "people" : "companies"} id={other.id}>
                {other.name ?? t("relations.unnamed")}
              </RecordLink>
            </div>
            {canWrite && (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("relations.remove")}
                onClick={() => remove(relation.id)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {canWrite && (
        <Stack gap="xs" mt="sm">
          <Select
            label={t("relations.label")}
            data={labels.map((item) => ({ value: item.key, label: item.label }))}
            value={label}
            onChange={setLabel}
            data-testid="relation-label"
          />
          <RecordPicker
            label={t("relations.target")}
            value={target}
            onChange={setTarget}
            excludeId={recordId}
          />
          <Button onClick={add} disabled={!label || !target} data-testid="relation-add">
            {t("relations.add")}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
