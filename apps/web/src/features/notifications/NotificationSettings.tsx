import "../activities/activities-i18n.ts";
import { NOTIFICATION_TYPES, type TNotificationSettings } from "@kontor/contracts";
import { Stack, Switch, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";

const KEY = ["notifications", "settings"];

/** Which events notify me (per user and workspace). */
export function NotificationSettings() {
  const { t } = useTranslation("activities");
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: async () => unwrap(await api.GET("/api/v1/notifications/settings")) as TNotificationSettings,
  });

  async function toggle(type: keyof TNotificationSettings, value: boolean) {
    try {
      const next = unwrap(await api.PUT("/api/v1/notifications/settings", { body: { [type]: value } }));
      queryClient.setQueryData(KEY, next);
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap={6} data-testid="notification-settings">
      <Text size="xs" c="dimmed">
        {t("notifications.settings")}
      </Text>
      {NOTIFICATION_TYPES.map((type) => (
        <Switch
          key={type}
          size="xs"
          label={t(`notifications.types.${type}`)}
          checked={data?.[type] ?? true}
          onChange={(event) => toggle(type, event.currentTarget.checked)}
          data-testid={`notification-setting-${type}`}
        />
      ))}
    </Stack>
  );
}
