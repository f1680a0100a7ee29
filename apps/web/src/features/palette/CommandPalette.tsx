import type { TCompany, TPerson } from "@kontor/contracts";
import {
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
  useMantineColorScheme,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBolt, IconBuilding, IconSearch, IconUser } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { listRecords } from "../records/records-api.ts";
import { type PaletteItem, paletteActions } from "./palette-actions.ts";

const ICONS = { actions: IconBolt, people: IconUser, companies: IconBuilding } as const;

/** Ctrl/Cmd+K: find people and companies (`q=`, 5 each, in parallel) and run actions. */
export default function CommandPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(query.trim(), 150);
  const records = useQuery({
    queryKey: ["palette", q],
    enabled: q.length > 0,
    queryFn: async () => {
      const [people, companies] = await Promise.all([
        listRecords<TPerson>("people", { q, limit: 5 }),
        listRecords<TCompany>("companies", { q, limit: 5 }),
      ]);
      return { people: people.data, companies: companies.data };
    },
  });

  const items = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const actions = paletteActions({ navigate, colorScheme, setColorScheme }).filter(
      (item) => !needle || item.label.toLowerCase().includes(needle),
    );
    const people: PaletteItem[] = (q ? (records.data?.people ?? []) : []).map((person) => ({
      id: `person-${person.id}`,
      group: "people",
      label: person.displayName,
      hint: person.email ?? person.jobTitle ?? undefined,
      run: () => void navigate({ to: "/people/$id", params: { id: person.id } }),
    }));
    const companies: PaletteItem[] = (q ? (records.data?.companies ?? []) : []).map((company) => ({
      id: `company-${company.id}`,
      group: "companies",
      label: company.name,
      hint: company.domain ?? undefined,
      run: () => void navigate({ to: "/companies/$id", params: { id: company.id } }),
    }));
    return [...people, ...companies, ...actions];
  }, [query, q, records.data, navigate, colorScheme, setColorScheme]);

  function choose(item: PaletteItem | undefined) {
    if (!item) return;
    onClose();
    item.run();
  }

  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      withCloseButton={false}
      padding={0}
      size="lg"
      yOffset="10vh"
      title={<span className="sr-only">{t("palette.title")}</span>}
      styles={{ header: { display: "none" } }}
      aria-label={t("palette.title")}
    >
      <TextInput
        data-autofocus
        size="lg"
        variant="unstyled"
        px="md"
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={records.isFetching ? <Loader size="xs" /> : undefined}
        placeholder={t("palette.placeholder")}
        aria-label={t("palette.title")}
        role="combobox"
        aria-expanded
        aria-controls="palette-results"
        aria-activedescendant={items[activeIndex] ? `palette-${items[activeIndex].id}` : undefined}
        value={query}
        data-testid="palette-input"
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((index) => Math.min(index + 1, items.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter") {
            event.preventDefault();
            choose(items[activeIndex]);
          }
        }}
        style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
      />
      <ScrollArea.Autosize mah="55vh">
        <Stack gap={0} p={6} id="palette-results" role="listbox" aria-label={t("palette.results")}>
          {items.length === 0 && (
            <Text c="dimmed" p="md" size="sm">
              {t("palette.nothing")}
            </Text>
          )}
          {items.map((item, index) => {
            const Icon = ICONS[item.group];
            return (
              <UnstyledButton
                key={item.id}
                id={`palette-${item.id}`}
                role="option"
                aria-selected={index === activeIndex}
                tabIndex={-1}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(item)}
                data-testid={`palette-item-${item.id}`}
                p="xs"
                style={{
                  borderRadius: 6,
                  background: index === activeIndex ? "var(--mantine-primary-color-light)" : undefined,
                }}
              >
                <Group gap="sm" wrap="nowrap">
                  <Icon size={18} aria-hidden />
                  <Text size="sm" truncate>
                    {item.label}
                  </Text>
                  {item.hint && (
                    <Text size="xs" c="dimmed" truncate ml="auto">
                      {item.hint}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" ml={item.hint ? 0 : "auto"}>
                    {t(`palette.groups.${item.group}`)}
                  </Text>
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}
