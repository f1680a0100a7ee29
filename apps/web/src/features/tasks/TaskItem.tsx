import "../activities/activities-i18n.ts";
import type { TTask } from "@kontor/contracts";
import { ActionIcon, Badge, Checkbox, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconAlarmSnooze } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { useCan } from "../session/permissions.ts";
import { TaskFormModal } from "./TaskFormModal.tsx";
import { completeTask, reopenTask, snoozeTask } from "./tasks-api.ts";

const PRIORITY_COLOR: Record<string, string> = {
  low: "gray",
  normal: "blue",
  high: "blue.9",
  urgent: "red.9",
};

/** One task with a checkbox to complete it and a "remind me again" menu; its title opens the task form. */
export function TaskItem({ task, overdue = false }: { task: TTask; overdue?: boolean }) {
  const { t } = useTranslation("activities");
  const done = task.status === "done";
  const [editing, setEditing] = useState(false);
  const canWrite = useCan("tasks.write");

  async function toggle() {
    try {
      if (done) await reopenTask(task.id);
      else await completeTask(task.id);
      invalidateWork();
    } catch (error) {
      notifyError(error);
    }
  }

  async function snooze(minutes: number) {
    try {
      await snoozeTask(task.id, minutes);
      invalidateWork();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Group justify="space-between" wrap="nowrap" data-testid={`task-${task.id}`}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {canWrite && (
          <Checkbox
            checked={done}
            onChange={toggle}
            aria-label={t(done ? "tasks.reopen" : "tasks.complete", { title: task.title })}
            data-testid={`task-complete-${task.id}`}
          />
        )}
        <UnstyledButton
          onClick={() => setEditing(true)}
          title={canWrite ? t("tasks.edit") : t("tasks.view")}
          style={{ minWidth: 0 }}
          data-testid={`task-open-${task.id}`}
        >
          <Text
            component="span"
            display="block"
            size="sm"
            fw={500}
            td={done || task.status === "cancelled" ? "line-through" : undefined}
            c={task.status === "cancelled" ? "dimmed" : undefined}
            truncate
          >
            {task.title}
          </Text>
          {task.dueAt && (
            <Text component="span" display="block" size="xs" c={overdue ? "red.8" : "dimmed"}>
              {t("tasks.due", { date: formatDateTime(task.dueAt) })}
            </Text>
          )}
        </UnstyledButton>
      </Group>
      <Group gap={6} wrap="nowrap">
        {task.recurrence && (
          <Badge size="xs" variant="default">
            {t("tasks.recurring")}
          </Badge>
        )}
        <Badge
          size="xs"
          variant={task.priority === "urgent" || task.priority === "high" ? "filled" : "default"}
          color={PRIORITY_COLOR[task.priority]}
        >
          {t(`tasks.priorities.${task.priority}`)}
        </Badge>
        {!done && canWrite && (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                aria-label={t("tasks.snooze")}
                data-testid={`task-snooze-${task.id}`}
              >
                <IconAlarmSnooze size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => snooze(60)}>{t("tasks.snoozeHour")}</Menu.Item>
              <Menu.Item onClick={() => snooze(24 * 60)}>{t("tasks.snoozeDay")}</Menu.Item>
              <Menu.Item onClick={() => snooze(7 * 24 * 60)}>{t("tasks.snoozeWeek")}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <TaskFormModal opened={editing} onClose={() => setEditing(false)} task={task} />
    </Group>
  );
}
