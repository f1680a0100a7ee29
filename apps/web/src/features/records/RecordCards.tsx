import { Card, Group, Loader, Stack, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldLabel } from "./field-label.ts";
import { RecordLink } from "./RecordLink.tsx";
import type { AnyRecord, FieldSpec, ObjectConfig } from "./record-config.ts";

interface RecordCardsProps<T extends AnyRecord> {
  config: ObjectConfig<T>;
  fields: FieldSpec<T>[];
  rows: T[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Optional per-card action (e.g. "remove from segment"), shown beside the name. */
  renderAction?: (record: T) => ReactNode;
}

const CARD_HEIGHT = 112;

/** The phone layout of a list: one card per record, virtualised like the table. */
export function RecordCards<T extends AnyRecord>(props: RecordCardsProps<T>) {
  const { config, rows, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const { t } = useTranslation("records");
  const scrollRef = useRef<HTMLDivElement>(null);
  const details = props.fields.filter((field) => !field.isName).slice(0, 3);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 10) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  return (
    <div ref={scrollRef} style={{ height: "calc(100dvh - 250px)", minHeight: 300, overflow: "auto" }}>
      <ul
        aria-label={t(`${config.segment}.title`)}
        data-testid="record-cards"
        style={{
          height: virtualizer.getTotalSize(),
          position: "relative",
          listStyle: "none",
          margin: 0,
          padding: 0,
        }}
      >
        {items.map((item) => {
          const record = rows[item.index];
          if (!record) return null;
          return (
            <li
              key={record.id}
              data-testid={`row-${record.id}`}
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                width: "100%",
                transform: `translateY(${item.start}px)`,
              }}
            >
              <Card withBorder padding="sm" h={CARD_HEIGHT - 8}>
                <Stack gap={2}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <RecordLink segment={config.segment} id={record.id}>
                      {config.displayName(record)}
                    </RecordLink>
                    {props.renderAction?.(record)}
                  </Group>
                  {details.map((field) => {
                    const value = field.render ? field.render(record) : field.display(record);
                    const empty = value === null || value === undefined || value === "";
                    return (
                      <Group key={field.key} gap={6} wrap="nowrap">
                        <Text size="xs" c="dimmed" w={90} truncate>
                          {fieldLabel(field, t)}
                        </Text>
                        <Text size="sm" truncate component="div" c={empty ? "dimmed" : undefined}>
                          {empty ? "–" : value}
                        </Text>
                      </Group>
                    );
                  })}
                </Stack>
              </Card>
            </li>
          );
        })}
      </ul>
      {isFetchingNextPage && <Loader size="sm" aria-label={t("common:loading")} mx="auto" display="block" />}
    </div>
  );
}
