import "./duplicates-i18n.ts";
import { Alert, Anchor, Group, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconCopy } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { matchedParts } from "../search/matched-parts.ts";
import { type DuplicateCheck, type DuplicateSummary, duplicateCheckQuery } from "./duplicates-api.ts";

/** How much of the typed name a hit's title contains (umlaut-tolerant); the server returns hits unranked. */
function closeness(hit: DuplicateSummary, typed: string): number {
  return matchedParts(hit.title, typed).reduce((sum, part) => sum + part.length, 0);
}

/**
 * A non-blocking hint on create forms: while typing, the values are checked (debounced)
 * against existing records and likely duplicates are linked.
 */
export function DuplicateWarning({ check }: { check: DuplicateCheck }) {
  const { t } = useTranslation("duplicates");
  // Debounced by content: the caller builds a fresh object on every render.
  const [debounced] = useDebouncedValue(JSON.stringify(check), 400);
  const { data = [] } = useQuery(duplicateCheckQuery(JSON.parse(debounced) as DuplicateCheck));
  if (data.length === 0) return null;
  const typed =
    check.object === "person" ? `${check.firstName ?? ""} ${check.lastName ?? ""}` : (check.name ?? "");
  const shown = [...data].sort((a, b) => closeness(b, typed) - closeness(a, typed)).slice(0, 3);
  return (
    <Alert
      variant="light"
      color="yellow"
      p="xs"
      icon={<IconCopy size={18} aria-hidden />}
      role="status"
      data-testid="duplicate-warning"
    >
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {t("possibleDuplicate", { count: data.length })}
        </Text>
        {shown.map((hit, index) => (
          <Text key={hit.id} size="sm" component="span">
            <Anchor
              size="sm"
              renderRoot={(props) =>
                check.object === "person" ? (
                  <Link to="/people/$id" params={{ id: hit.id }} target="_blank" {...props} />
                ) : (
                  <Link to="/companies/$id" params={{ id: hit.id }} target="_blank" {...props} />
                )
              }
              data-testid={`duplicate-warning-${hit.id}`}
            >
              {hit.title}
            </Anchor>
            {hit.subtitle && (
              <Text span size="xs" c="dimmed">
                {" "}
                ({hit.subtitle})
              </Text>
            )}
            {index < shown.length - 1 && ","}
          </Text>
        ))}
        {data.length > shown.length && (
          <Text size="sm" c="dimmed">
            {t("andMore", { count: data.length - shown.length })}
          </Text>
        )}
      </Group>
    </Alert>
  );
}
