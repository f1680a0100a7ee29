import "../activities/activities-i18n.ts";
import type { TTask } from "@kontor/contracts";
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../session/permissions.ts";
import { TaskFormModal } from "./TaskFormModal.tsx";
import { TaskItem } from "./TaskItem.tsx";
import { myTasksQuery } from "./tasks-api.ts";

function Section({
  id,
  title,
  tasks,
  overdue,
}: {
  id: string;
  title: string;
  tasks: TTask[];
  overdue?: boolean;
}) {
  const { t } = useTranslation("activities");
  return (
    <Paper withBorder p="md" data-testid={`my-tasks-${id}`}>
      <Stack gap="sm">
        <Title order={2} size="h4" c={overdue && tasks.length ? "red.8" : undefined}>
          {title} ({tasks.length})
        </Title>
        {tasks.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("tasks.none")}
          </Text>
        ) : (
          tasks.map((task) => <TaskItem key={task.id} task={task} overdue={overdue} />)
        )}
      </Stack>
    </Paper>
  );
}

/** "My tasks": open tasks assigned to me, overdue first, then today, then upcoming. */
export function MyTasksPage() {
  const { t } = useTranslation("activities");
  const { data } = useQuery(myTasksQuery());
  const [creating, setCreating] = useState(false);
  const canCreate = useCan("tasks.write");
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("tasks.mine")}
        </Title>
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="new-task"
          >
            {t("tasks.new")}
          </Button>
        )}
      </Group>
      <Section id="overdue" title={t("tasks.overdue")} tasks={data?.overdue ?? []} overdue />
      <Section id="today" title={t("tasks.today")} tasks={data?.today ?? []} />
      <Section id="upcoming" title={t("tasks.upcoming")} tasks={data?.upcoming ?? []} />
      <TaskFormModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
