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
import { SearchHitLabel } from "../search/SearchHitLabel.tsx";
import { searchQuery } from "../search/search-api.ts";
import { usePermissions } from "../session/permissions.ts";
import { type PaletteItem, paletteActions } from "./palette-actions.ts";

const ICONS = { actions: IconBolt, people: IconUser, companies: IconBuilding } as const;

const GROUP_OF_TYPE = { person: "people", company: "companies" } as const;

/** Ctrl/Cmd+K: find people and companies (one ranked `GET /search`) and run actions. */
export default function CommandPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(query.trim(), 150);
  const records = useQuery(searchQuery({ q, limit: 5 }));
  const permissions = usePermissions();

  const items = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const actions = paletteActions({ navigate, colorScheme, setColorScheme, permissions }).filter(
      (item) => !needle || item.label.toLowerCase().includes(needle),
    );
    // The group with the best hit first, so a company name shows companies on top.
    const groups = q
      ? [...(records.data?.groups ?? [])].sort((a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0))
      : [];
    const hits: PaletteItem[] = groups.flatMap((group) =>
      group.hits.map((hit) => ({
        id: `${hit.type}-${hit.id}`,
        group: GROUP_OF_TYPE[hit.type],
        label: hit.title,
        hint: hit.subtitle ?? undefined,
        hit,
        run: () =>
          void navigate(
            hit.type === "person"
              ? { to: "/people/$id", params: { id: hit.id } }
              : { to: "/companies/$id", params: { id: hit.id } },
          ),
      })),
    );
    return [...hits, ...actions];
  }, [query, q, records.data, navigate, colorScheme, setColorScheme, permissions]);
  // Groups in ranked order, actions last.
  const groupOrder = [...new Set(items.map((item) => item.group))];

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
      <ScrollArea.Autosize mah="55vh" scrollbars="y" styles={{ content: { minWidth: 0 } }}>
        <Stack gap={0} p={6} id="palette-results" role="listbox" aria-label={t("palette.results")}>
          {items.length === 0 && (
            <Text c="dimmed" p="md" size="sm">
              {t("palette.nothing")}
            </Text>
          )}
          {groupOrder.map((group) => {
            const members = items.filter((item) => item.group === group);
            if (members.length === 0) return null;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an ARIA listbox groups its options with role=group
              <div key={group} role="group" aria-labelledby={`palette-group-${group}`}>
                <Text
                  id={`palette-group-${group}`}
                  size="xs"
                  fw={700}
                  c="dimmed"
                  tt="uppercase"
                  px="xs"
                  pt={8}
                  pb={4}
                  data-testid={`palette-group-${group}`}
                >
                  {t(`palette.headings.${group}`)}
                </Text>
                {members.map((item) => (
                  <PaletteOption
                    key={item.id}
                    item={item}
                    query={q}
                    active={items.indexOf(item) === activeIndex}
                    onHover={() => setActive(items.indexOf(item))}
                    onChoose={() => choose(item)}
                  />
                ))}
              </div>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}

interface PaletteOptionProps {
  item: PaletteItem;
  query: string;
  active: boolean;
  onHover: () => void;
  onChoose: () => void;
}

function PaletteOption({ item, query, active, onHover, onChoose }: PaletteOptionProps) {
  const Icon = ICONS[item.group];
  return (
    <UnstyledButton
      id={`palette-${item.id}`}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      onMouseEnter={onHover}
      onClick={onChoose}
      data-testid={`palette-item-${item.id}`}
      p="xs"
      w="100%"
      style={{ borderRadius: 6, background: active ? "var(--mantine-primary-color-light)" : undefined }}
    >
      <Group gap="sm" wrap="nowrap">
        <Icon size={18} aria-hidden style={{ flexShrink: 0 }} />
        {item.hit ? (
          <SearchHitLabel hit={item.hit} query={query} />
        ) : (
          <>
            <Text size="sm" truncate style={{ minWidth: 0 }}>
              {item.label}
            </Text>
            {item.hint && (
              <Text size="xs" c="dimmed" truncate ml="auto" style={{ minWidth: 0, flexShrink: 2 }}>
                {item.hint}
              </Text>
            )}
          </>
        )}
      </Group>
    </UnstyledButton>
  );
}
