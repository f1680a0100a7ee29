import { Badge, Group, Highlight, Stack, Text } from "@mantine/core";
import { IconMail, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { matchedParts } from "./matched-parts.ts";
import type { SearchHit } from "./search-api.ts";

const MATCH_ICONS = { email: IconMail, phone: IconPhone } as const;
/**
 * The title of a search hit with the typed text highlighted; an email or phone lookup
 * shows a badge naming what matched, since the title alone would not explain the hit.
 */
export function SearchHitLabel({ hit, query }: { hit: SearchHit; query: string }) {
  const { t } = useTranslation();
  if (hit.matchedBy === "text") {
    return (
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
        <Highlight
          highlight={matchedParts(hit.title, query)}
          size="sm"
          truncate
          component="span"
          style={{ minWidth: 0 }}
        >
          {hit.title}
        </Highlight>
        {hit.subtitle && (
          <Text size="xs" c="dimmed" truncate ml="auto" style={{ minWidth: 0, flexShrink: 2 }}>
            {hit.subtitle}
          </Text>
        )}
      </Group>
    );
  }
  const Icon = MATCH_ICONS[hit.matchedBy];
  return (
    <Stack gap={2} style={{ minWidth: 0, flex: 1 }} align="flex-start">
      <Text size="sm" truncate component="span" maw="100%">
        {hit.title}
      </Text>
      <Badge
        size="sm"
        variant="light"
        color="teal"
        tt="none"
        leftSection={<Icon size={12} aria-hidden />}
        data-testid={`matched-by-${hit.matchedBy}`}
        maw="100%"
      >
        {t(`palette.matchedBy.${hit.matchedBy}`, { value: query })}
      </Badge>
    </Stack>
  );
}
