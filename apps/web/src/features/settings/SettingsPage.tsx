import { type TWorkspaceSettings, ZWorkspaceSettings } from "@kontor/contracts";
import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { useForm } from "../../lib/form.ts";
import { formatDate } from "../../lib/format.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { useMembers, workspaceSettingsQuery } from "../records/records-api.ts";
import { NoPermission } from "../session/NoPermission.tsx";
import { useCan } from "../session/permissions.ts";
import { LabelledListEditor } from "./LabelledListEditor.tsx";

export function SettingsPage() {
  const { t } = useTranslation("settings");
  const canUpdateSettings = useCan("settings.update");
  const canManageMembers = useCan("members.manage");
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("title")}
      </Title>
      <Tabs defaultValue="workspace">
        <Tabs.List>
          <Tabs.Tab value="workspace" data-testid="settings-tab-workspace">
            {t("workspace.tab")}
          </Tabs.Tab>
          <Tabs.Tab value="members" data-testid="settings-tab-members">
            {t("members.tab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="workspace" pt="md">
          <WorkspaceSettingsForm readOnly={!canUpdateSettings} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          {canManageMembers ? <MembersList /> : <NoPermission />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function WorkspaceSettingsForm({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation("settings");
  const { data } = useSuspenseQuery(workspaceSettingsQuery);
  const form = useForm<TWorkspaceSettings>(data);
  const [saving, setSaving] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body = form.validate(ZWorkspaceSettings);
    if (!body) return;
    setSaving(true);
    try {
      const saved = unwrap(await api.PATCH("/api/v1/workspace/settings", { body })) as TWorkspaceSettings;
      queryClient.setQueryData(workspaceSettingsQuery.queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      notifications.show({ color: "green", message: t("workspace.saved") });
    } catch (error) {
      if (!form.applyServerError(error)) notifyError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={save} noValidate aria-label={t("workspace.tab")} data-testid="workspace-settings-form">
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="lg">
            {readOnly && <Text c="dimmed">{t("workspace.readOnly")}</Text>}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("workspace.defaultRegion")}
                description={t("workspace.defaultRegionHint")}
                maxLength={2}
                value={form.values.defaultRegion}
                onChange={(event) => form.setField("defaultRegion", event.currentTarget.value.toUpperCase())}
                error={form.errors.defaultRegion}
              />
              <TextInput
                label={t("workspace.defaultCurrency")}
                description={t("workspace.defaultCurrencyHint")}
                maxLength={3}
                value={form.values.defaultCurrency}
                onChange={(event) =>
                  form.setField("defaultCurrency", event.currentTarget.value.toUpperCase())
                }
                error={form.errors.defaultCurrency}
              />
            </SimpleGrid>
            <LabelledListEditor
              title={t("workspace.relationshipTypes")}
              name="relationshipTypes"
              value={form.values.relationshipTypes}
              errors={form.errors}
              onChange={(value) => form.setField("relationshipTypes", value)}
            />
            <LabelledListEditor
              title={t("workspace.relationLabels")}
              name="relationLabels"
              value={form.values.relationLabels}
              errors={form.errors}
              onChange={(value) => form.setField("relationLabels", value)}
            />
            {!readOnly && (
              <Group justify="flex-end">
                <Button type="submit" loading={saving} data-testid="workspace-settings-save">
                  {t("common:save")}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}

function MembersList() {
  const { t } = useTranslation("settings");
  const members = useMembers();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={520}>
        <Table data-testid="members-list" aria-label={t("members.tab")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("members.name")}</Table.Th>
              <Table.Th>{t("members.email")}</Table.Th>
              <Table.Th>{t("members.role")}</Table.Th>
              <Table.Th>{t("members.since")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(members ?? []).map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>{member.name}</Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`roles.${member.role}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDate(member.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
