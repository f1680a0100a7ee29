import "./duplicates-i18n.ts";
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconArrowsLeftRight, IconCopyCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../records/EmptyState.tsx";
import type { RecordObject } from "../records/record-config.ts";
import { useCan, writePermissionOf } from "../session/permissions.ts";
import { type DuplicatePair, duplicatePairsQuery } from "./duplicates-api.ts";
import { MergeModal } from "./MergeModal.tsx";

/** Review of likely duplicates: pairs with the reasons found, compared side by side and merged. */
export function DuplicatesPage() {
  const { t } = useTranslation("duplicates");
  const search = useSearch({ strict: false }) as { object?: RecordObject };
  const navigate = useNavigate();
  const object = search.object ?? "person";
  const { data: pairs = [], isSuccess } = useQuery(duplicatePairsQuery(object));
  const [comparing, setComparing] = useState<DuplicatePair | null>(null);
  // Comparing leads to merging, which changes both records.
  const canMerge = useCan(writePermissionOf(object));

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t("title")}
      </Title>
      <Text c="dimmed" size="sm">
        {t("intro")}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={object}
        onChange={(value) =>
          void navigate({ to: "/duplicates", search: value === "company" ? { object: "company" } : {} })
        }
        data={[
          { value: "person", label: t("objects.person") },
          { value: "company", label: t("objects.company") },
        ]}
        aria-label={t("objectLabel")}
        data-testid="duplicates-object"
      />
      {isSuccess && pairs.length === 0 ? (
        <EmptyState icon={IconCopyCheck} title={t("emptyTitle")} text={t(`emptyText.${object}`)} />
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          data-testid="duplicate-pairs"
        >
          {pairs.map((pair) => (
            <PairItem
              key={`${pair.a.id}-${pair.b.id}`}
              pair={pair}
              onCompare={canMerge ? () => setComparing(pair) : undefined}
            />
          ))}
        </Stack>
      )}
      {comparing && canMerge && <MergeModal pair={comparing} onClose={() => setComparing(null)} />}
    </Stack>
  );
}

function PairItem({ pair, onCompare }: { pair: DuplicatePair; onCompare: (() => void) | undefined }) {
  const { t } = useTranslation("duplicates");
  return (
    <Paper component="li" withBorder p="sm" data-testid={`duplicate-pair-${pair.a.id}-${pair.b.id}`}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap" style={{ flex: "1 1 280px", minWidth: 0 }}>
          <Summary summary={pair.a} />
          <IconArrowsLeftRight size={16} aria-label={t("and")} style={{ flexShrink: 0 }} />
          <Summary summary={pair.b} />
        </Group>
        <Group gap="xs" wrap="wrap">
          {pair.reasons.map((reason) => (
            <Badge key={reason} variant="light" color="orange" tt="none" data-testid={`reason-${reason}`}>
              {t(`reasons.${reason}`)}
            </Badge>
          ))}
          {onCompare && (
            <Button size="xs" onClick={onCompare} data-testid="duplicate-compare">
              {t("compare")}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function Summary({ summary }: { summary: { title: string; subtitle: string | null } }) {
  return (
    <Stack gap={0} style={{ minWidth: 0, flex: "1 1 120px" }}>
      <Text size="sm" fw={600} truncate>
        {summary.title}
      </Text>
      {summary.subtitle && (
        <Text size="xs" c="dimmed" truncate>
          {summary.subtitle}
        </Text>
      )}
    </Stack>
  );
}
