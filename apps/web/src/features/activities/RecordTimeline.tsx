import "./activities-i18n.ts";
import { TIMELINE_KINDS, type TimelineKind, type TTimelineItem } from "@kontor/contracts";
import {
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  Stack,
  Text,
  Timeline,
  Title,
  TypographyStylesProvider,
} from "@mantine/core";
import {
  IconCalendarEvent,
  IconChecklist,
  IconHistory,
  IconMail,
  IconMailbox,
  IconMessage,
  IconNote,
  IconPhone,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format.ts";
import { CommentComposer } from "../comments/CommentComposer.tsx";
import { CommentItem } from "../comments/CommentItem.tsx";
import { TaskItem } from "../tasks/TaskItem.tsx";
import { ActivityMenu } from "./ActivityMenu.tsx";
import { fetchTimeline, type TimelineRecord } from "./activities-api.ts";

const ACTIVITY_ICONS = {
  note: IconNote,
  call: IconPhone,
  meeting: IconUsersGroup,
  email: IconMail,
  letter: IconMailbox,
};
const KIND_ICONS = {
  task: IconChecklist,
  appointment: IconCalendarEvent,
  comment: IconMessage,
  audit: IconHistory,
};

function ItemBody({ item }: { item: TTimelineItem }) {
  const { t } = useTranslation("activities");
  switch (item.kind) {
    case "activity": {
      const activity = item.activity;
      return (
        <Stack gap={4}>
          {activity.type === "call" && (
            <Group gap={6}>
              {activity.direction && (
                <Badge size="xs" variant="default">
                  {t(`directions.${activity.direction}`)}
                </Badge>
              )}
              {activity.outcome && (
                <Badge size="xs" variant="default">
                  {t(`outcomes.${activity.outcome}`)}
                </Badge>
              )}
              {activity.durationMinutes !== null && (
                <Text size="xs" c="dimmed">
                  {t("minutes", { count: activity.durationMinutes })}
                </Text>
              )}
            </Group>
          )}
          {activity.body && (
            <TypographyStylesProvider fz="sm">
              {/* sanitised on the server (sanitize-html) before it is stored */}
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised rich text */}
              <div dangerouslySetInnerHTML={{ __html: activity.body }} />
            </TypographyStylesProvider>
          )}
        </Stack>
      );
    }
    case "task":
      return <TaskItem task={item.task} />;
    case "appointment":
      return (
        <Text size="sm">
          {formatDateTime(item.appointment.startsAt)} – {formatDateTime(item.appointment.endsAt)}
          {item.appointment.location ? ` · ${item.appointment.location}` : ""}
        </Text>
      );
    case "comment":
      return <CommentItem comment={item.comment} />;
    case "audit":
      return null;
  }
}

function titleOf(item: TTimelineItem, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (item.kind) {
    case "activity":
      return `${t(`types.${item.activity.type}`)}: ${item.activity.subject}`;
    case "task":
      return t("timeline.task");
    case "appointment":
      return `${t("timeline.appointment")}: ${item.appointment.title}`;
    case "comment":
      return t("timeline.comment", { name: item.comment.authorName ?? "–" });
    case "audit":
      return t("timeline.audit", {
        action: t(`timeline.actions.${item.audit.action}`),
        type: t(`timeline.recordTypes.${item.audit.recordType}`, { defaultValue: item.audit.recordType }),
        name: item.audit.actorName ?? "–",
      });
  }
}

/** The record's timeline: every activity, task, appointment, comment and change, newest first. */
export function RecordTimeline({ record }: { record: TimelineRecord }) {
  const { t } = useTranslation("activities");
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const query = useInfiniteQuery({
    queryKey: ["timeline", record.recordType, record.recordId, kinds],
    queryFn: ({ pageParam }) => fetchTimeline(record, kinds, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Paper withBorder p="md" data-testid="timeline">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("timeline.title")}
        </Title>
        <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
          <Group gap={6} data-testid="timeline-filter">
            {TIMELINE_KINDS.map((kind) => (
              <Chip key={kind} value={kind} size="xs" data-testid={`timeline-filter-${kind}`}>
                {t(`timeline.kinds.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <CommentComposer recordType={record.recordType} recordId={record.recordId} />
        {query.isSuccess && items.length === 0 && <Text c="dimmed">{t("timeline.empty")}</Text>}
        <Timeline bulletSize={24} lineWidth={2}>
          {items.map((item) => {
            const Icon =
              item.kind === "activity" ? ACTIVITY_ICONS[item.activity.type] : KIND_ICONS[item.kind];
            return (
              <Timeline.Item
                key={`${item.kind}-${item.id}`}
                bullet={<Icon size={14} aria-hidden />}
                title={
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={500}>
                      {titleOf(item, t as never)}
                    </Text>
                    {item.kind === "activity" && <ActivityMenu activity={item.activity} />}
                  </Group>
                }
                data-testid={`timeline-item-${item.id}`}
                data-kind={item.kind}
              >
                <Text size="xs" c="dimmed" mb={4}>
                  {formatDateTime(item.at)}
                  {item.kind === "activity" && item.activity.authorName
                    ? ` · ${item.activity.authorName}`
                    : ""}
                </Text>
                <ItemBody item={item} />
              </Timeline.Item>
            );
          })}
        </Timeline>
        {query.hasNextPage && (
          <Button variant="subtle" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t("timeline.more")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
