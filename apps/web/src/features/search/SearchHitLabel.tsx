import { Badge, Group, Highlight, Text } from "@mantine/core";
import { IconMail, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "./search-api.ts";

const MATCH_ICONS = { email: IconMail, phone: IconPhone } as const;

/**
 * The title of a search hit with the typed text highlighted; an email or phone lookup
 * shows a badge naming what matched, since the title alone would not explain the hit.
 */
export function SearchHitLabel({ hit, query }: { hit: SearchHit; query: string }) {
  const { t } = useTranslation();
  const words = query.split(/\s+/).filter((word) => word.length > 1);
  if (hit.matchedBy === "text") {
    return (
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
        <Highlight highlight={words} size="sm" truncate component="span">
          {hit.title}
        </Highlight>
        {hit.subtitle && (
          <Text size="xs" c="dimmed" truncate ml="auto">
            {hit.subtitle}
          </Text>
        )}
      </Group>
    );
  }
  const Icon = MATCH_ICONS[hit.matchedBy];
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
      <Text size="sm" truncate component="span">
        {hit.title}
      </Text>
      <Badge
        size="sm"
        variant="light"
        color="teal"
        tt="none"
        ml="auto"
        leftSection={<Icon size={12} aria-hidden />}
        data-testid={`matched-by-${hit.matchedBy}`}
        style={{ flexShrink: 1, minWidth: 0 }}
      >
        {t(`palette.matchedBy.${hit.matchedBy}`, { value: query })}
      </Badge>
    </Group>
  );
}
