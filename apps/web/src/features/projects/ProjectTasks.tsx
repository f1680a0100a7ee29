import "../activities/activities-i18n.ts";
import type { TProject, TTask } from "@kontor/contracts";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../session/permissions.ts";
import { TaskFormModal } from "../tasks/TaskFormModal.tsx";
import { TaskItem } from "../tasks/TaskItem.tsx";
import { projectTasksQuery } from "../tasks/tasks-api.ts";

const byStatusThenDue = (a: TTask, b: TTask) =>
  Number(a.status !== "open") - Number(b.status !== "open") ||
  (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999");

/** A project's tasks, open ones first; tick one off, open it to edit, or add a new one. */
export function ProjectTasks({ project }: { project: TProject }) {
  const { t } = useTranslation("activities");
  const { data = [] } = useQuery(projectTasksQuery(project.id));
  const [creating, setCreating] = useState(false);
  const canCreate = useCan("tasks.write");
  const tasks = [...data].sort(byStatusThenDue);
  const now = new Date().toISOString();
  return (
    <Paper withBorder p="md" data-testid="project-tasks">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h4">
              {t("projects.tasks")}
            </Title>
            <Badge variant="default" data-testid="project-open-tasks">
              {t("projects.openTasks", { count: project.openTaskCount })}
            </Badge>
          </Group>
          {canCreate && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="project-new-task"
            >
              {t("tasks.new")}
            </Button>
          )}
        </Group>
        {tasks.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("tasks.none")}
          </Text>
        ) : (
          tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              overdue={task.status === "open" && task.dueAt !== null && task.dueAt < now}
            />
          ))
        )}
      </Stack>
      <TaskFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        projectId={project.id}
        links={project.companyId ? [{ recordType: "company", recordId: project.companyId }] : []}
      />
    </Paper>
  );
}
