import "../activities/activities-i18n.ts";
import type { TNotification } from "@kontor/contracts";
import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { getSelectedWorkspaceId } from "../../lib/workspace-store.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { rawFetch } from "../activities/raw-fetch.ts";
import { NotificationSettings } from "./NotificationSettings.tsx";

const KEY = ["notifications"];

/** Listens to GET /notifications/stream (server-sent events over fetch, so the workspace header goes along). */
function useNotificationStream() {
  const workspaceId = getSelectedWorkspaceId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reconnect when the workspace changes
  useEffect(() => {
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const response = await rawFetch("/api/v1/notifications/stream", { signal: controller.signal });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const events = buffer.split("\n\n");
          buffer = events.pop() ?? "";
          if (
            events.some((event) => event.includes("event: notification") || event.includes("event: unread"))
          ) {
            void queryClient.invalidateQueries({ queryKey: KEY });
          }
          if (events.some((event) => event.includes("event: notification"))) invalidateWork();
        }
      } catch {
        // aborted or dropped: reconnect below unless unmounted
      }
      if (!controller.signal.aborted) retry = setTimeout(connect, 5000);
    };
    void connect();
    return () => {
      controller.abort();
      if (retry) clearTimeout(retry);
    };
  }, [workspaceId]);
}

function describe(notification: TNotification, t: (key: string) => string) {
  return `${t(`notifications.types.${notification.type}`)}: ${notification.title === "mention" ? (notification.body ?? "") : notification.title}`;
}

/** The bell in the header: unread count, the latest notifications, mark read. */
export function NotificationBell() {
  const { t } = useTranslation("activities");
  const navigate = useNavigate();
  useNotificationStream();
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/notifications", { params: { query: { limit: 20 } as never } })) as {
        data: TNotification[];
        unreadCount: number;
      },
  });
  const unread = data?.unreadCount ?? 0;

  async function open(notification: TNotification) {
    try {
      if (!notification.readAt) {
        unwrap(
          await api.POST("/api/v1/notifications/{id}/read", { params: { path: { id: notification.id } } }),
        );
        await queryClient.invalidateQueries({ queryKey: KEY });
      }
      if (notification.recordType === "person" && notification.recordId) {
        await navigate({ to: "/people/$id", params: { id: notification.recordId } });
      } else if (notification.recordType === "company" && notification.recordId) {
        await navigate({ to: "/companies/$id", params: { id: notification.recordId } });
      } else if (notification.recordType === "task") {
        await navigate({ to: "/tasks" });
      }
    } catch (error) {
      notifyError(error);
    }
  }

  async function readAll() {
    try {
      unwrap(await api.POST("/api/v1/notifications/read-all"));
      await queryClient.invalidateQueries({ queryKey: KEY });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Popover width={340} position="bottom-end" shadow="md" trapFocus returnFocus>
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4} data-testid="notification-count">
        {/* The target is the button itself, so aria-expanded/aria-controls sit on an element that allows them. */}
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t("notifications.open", { count: unread })}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown data-testid="notification-list">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t("notifications.title")}</Text>
            {unread > 0 && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={readAll}
                data-testid="notifications-read-all"
              >
                {t("notifications.readAll")}
              </Button>
            )}
          </Group>
          {(data?.data.length ?? 0) === 0 && (
            <Text c="dimmed" size="sm">
              {t("notifications.empty")}
            </Text>
          )}
          <ScrollArea.Autosize mah={360}>
            <Stack gap={6}>
              {data?.data.map((notification) => (
                <UnstyledButton
                  key={notification.id}
                  onClick={() => open(notification)}
                  data-testid={`notification-${notification.id}`}
                >
                  <Text size="sm" fw={notification.readAt ? 400 : 600} lineClamp={2}>
                    {describe(notification, t as never)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(notification.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Divider />
          <NotificationSettings />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
