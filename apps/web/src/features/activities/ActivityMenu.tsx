import "./activities-i18n.ts";
import type { TActivity } from "@kontor/contracts";
import { ActionIcon, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { useCan } from "../session/permissions.ts";
import { browserTimeZone } from "../tasks/tasks-api.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import { followUp, invalidateWork } from "./activities-api.ts";

const FOLLOW_UP_DAYS = [1, 3, 7, 14];

/** Per-activity actions on the timeline: "follow up in N days" and delete; none for a role that only reads. */
export function ActivityMenu({ activity }: { activity: TActivity }) {
  const { t } = useTranslation("activities");
  const canWrite = useCan("activities.write");

  async function followUpIn(days: number) {
    try {
      await followUp(activity.id, { days, timeZone: browserTimeZone() });
      invalidateWork();
      notifications.show({ color: "green", message: t("tasks.created") });
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove() {
    try {
      unwrap(await api.DELETE("/api/v1/activities/{id}", { params: { path: { id: activity.id } } }));
      invalidateWork();
      notifyMovedToTrash({ recordType: "activity", id: activity.id, name: activity.subject });
    } catch (error) {
      notifyError(error);
    }
  }

  if (!canWrite) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={t("activityActions")}
          data-testid={`activity-menu-${activity.id}`}
        >
          <IconDots size={14} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("followUpIn")}</Menu.Label>
        {FOLLOW_UP_DAYS.map((days) => (
          <Menu.Item key={days} onClick={() => followUpIn(days)} data-testid={`follow-up-${days}`}>
            {t("days", { count: days })}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" onClick={remove}>
          {t("deleteActivity")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
