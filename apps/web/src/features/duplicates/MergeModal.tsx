import { Alert, Button, Group, Loader, Modal, Radio, Stack, Table } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconArrowMerge } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/query-client.ts";
import { companyConfig } from "../companies/company-config.tsx";
import { personConfig } from "../people/person-config.tsx";
import { fieldLabel } from "../records/field-label.ts";
import type { AnyRecord, FieldSpec, ObjectConfig } from "../records/record-config.ts";
import { recordQuery } from "../records/records-api.ts";
import { type DuplicatePair, mergeRecords } from "./duplicates-api.ts";
import { showMergedNotification } from "./merge-notification.tsx";

const HIDDEN_FIELDS = new Set(["firstName", "lastName", "updatedAt"]);

/** Both records side by side; the person picks the one to keep, the other is merged into it. */
export function MergeModal({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { t } = useTranslation("duplicates");
  const phone = useMediaQuery("(max-width: 48em)") ?? false;
  const config = (pair.object === "person"
    ? personConfig
    : companyConfig) as unknown as ObjectConfig<AnyRecord>;
  const [survivorId, setSurvivorId] = useState(pair.a.id);
  const [busy, setBusy] = useState(false);
  // While merging, the merged record leaves; its query must not refetch into a 404.
  const a = useQuery({ ...recordQuery<AnyRecord>(config.segment, pair.a.id), enabled: !busy });
  const b = useQuery({ ...recordQuery<AnyRecord>(config.segment, pair.b.id), enabled: !busy });
  const fields = [
    ...config.fields.filter((field) => !HIDDEN_FIELDS.has(field.key)),
    ...extraFields(t("additionalEmails"), t("additionalPhones")),
  ];

  async function merge() {
    const mergedId = survivorId === pair.a.id ? pair.b.id : pair.a.id;
    setBusy(true);
    try {
      const result = await mergeRecords({ object: pair.object, survivorId, mergedId });
      showMergedNotification({ merge: result.merge, survivorName: config.displayName(result.survivor) });
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  const records = a.data && b.data ? [a.data, b.data] : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("compareTitle")}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ "aria-label": t("common:close") }}
    >
      {!records ? (
        a.isError || b.isError ? (
          <Alert color="red">{t("loadFailed")}</Alert>
        ) : (
          <Loader aria-label={t("common:loading")} />
        )
      ) : (
        <Stack data-testid="merge-compare">
          <Radio.Group
            value={survivorId}
            onChange={setSurvivorId}
            label={t("chooseSurvivor")}
            description={t("survivorHint")}
          >
            <Table.ScrollContainer minWidth={340} mt="xs">
              <Table layout="fixed" verticalSpacing={6} aria-label={t("compareTitle")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={phone ? 90 : 150}>
                      <span className="sr-only">{t("field")}</span>
                    </Table.Th>
                    {records.map((record) => (
                      <Table.Th key={record.id}>
                        <Radio
                          value={record.id}
                          label={t("keep", { name: config.displayName(record) })}
                          data-testid={`merge-survivor-${record.id}`}
                        />
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {fields.map((field) => (
                    <CompareRow key={field.key} field={field} records={records} survivorId={survivorId} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Radio.Group>
          <Alert variant="light" icon={<IconArrowMerge size={18} aria-hidden />}>
            {t("mergeExplain")}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button
              loading={busy}
              onClick={merge}
              leftSection={<IconArrowMerge size={16} aria-hidden />}
              data-testid="merge-submit"
            >
              {t("merge")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function CompareRow(props: { field: FieldSpec<AnyRecord>; records: AnyRecord[]; survivorId: string }) {
  const { field, records, survivorId } = props;
  const { t } = useTranslation("records");
  const values = records.map((record) => rawValue(record, field));
  const differs = values[0] !== values[1];
  if (values.every((value) => EMPTY.has(value))) return null;
  return (
    <Table.Tr data-testid={`compare-${field.key}`} data-differs={differs}>
      <Table.Th scope="row" fw={500} fz="xs" c="dimmed" style={{ verticalAlign: "top" }}>
        {fieldLabel(field, t)}
      </Table.Th>
      {records.map((record) => (
        <Table.Td
          key={record.id}
          fz="sm"
          style={{
            verticalAlign: "top",
            wordBreak: "break-word",
            fontWeight: record.id === survivorId ? 600 : undefined,
            background: differs ? "var(--mantine-color-yellow-light)" : undefined,
          }}
        >
          <Cell>{field.render ? field.render(record) : field.display(record)}</Cell>
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** Further addresses and numbers a merge keeps; the list columns do not show them. */
function extraFields(emailsLabel: string, phonesLabel: string): FieldSpec<AnyRecord>[] {
  const list = (record: AnyRecord, key: "additionalEmails" | "additionalPhones") =>
    key in record ? ((record as Record<typeof key, string[]>)[key] ?? []).join(", ") : "";
  return [
    {
      key: "additionalEmails",
      label: emailsLabel,
      width: 0,
      display: (record) => list(record, "additionalEmails"),
    },
    {
      key: "additionalPhones",
      label: phonesLabel,
      width: 0,
      display: (record) => list(record, "additionalPhones"),
    },
  ];
}

const EMPTY = new Set(["", "null", "[]", "{}", "undefined"]);

/** The stored value where the field is a property of the record (owner ids, tags), else the shown text. */
function rawValue(record: AnyRecord, field: FieldSpec<AnyRecord>): string {
  const value = (record as unknown as Record<string, unknown>)[field.key];
  return value === undefined ? field.display(record) : JSON.stringify(value);
}

function Cell({ children }: { children: ReactNode }) {
  return <div style={{ overflow: "hidden" }}>{children}</div>;
}
