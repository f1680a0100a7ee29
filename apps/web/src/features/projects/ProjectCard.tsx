import "../activities/activities-i18n.ts";
import { PROJECT_STATUSES, type TProject } from "@kontor/contracts";
import { ActionIcon, Badge, Group, Paper, Select, Stack } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { useCan } from "../session/permissions.ts";
import { TaskFormModal } from "../tasks/TaskFormModal.tsx";
import { ProjectLink } from "./ProjectLink.tsx";
import { setProjectStatus } from "./projects-api.ts";

/** A project with its deadline, milestones done, open tasks and a status switch. */
export function ProjectCard({ project }: { project: TProject }) {
  const { t } = useTranslation("activities");
  const done = project.milestones.filter((milestone) => milestone.done).length;
  const [addingTask, setAddingTask] = useState(false);
  const canChange = useCan("projects.write");
  const canAddTask = useCan("tasks.write");

  async function changeStatus(status: string | null) {
    if (!status) return;
    try {
      await setProjectStatus(project.id, status as TProject["status"]);
      invalidateWork();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid={`project-${project.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <ProjectLink id={project.id}>{project.name}</ProjectLink>
          {canAddTask && (
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => setAddingTask(true)}
              aria-label={t("projects.addTask")}
            >
              <IconPlus size={14} aria-hidden />
            </ActionIcon>
          )}
        </Group>
        <Group gap={6}>
          {project.deadline && (
            <Badge size="xs" variant="default">
              {t("projects.deadline", { date: formatDate(project.deadline) })}
            </Badge>
          )}
          <Badge size="xs" variant="default">
            {t("projects.milestones", { done, total: project.milestones.length })}
          </Badge>
          <Badge size="xs" variant="default">
            {t("projects.openTasks", { count: project.openTaskCount })}
          </Badge>
        </Group>
        <Select
          size="xs"
          aria-label={t("projects.status")}
          value={project.status}
          onChange={changeStatus}
          disabled={!canChange}
          data={PROJECT_STATUSES.map((status) => ({
            value: status,
            label: t(`projects.statuses.${status}`),
          }))}
        />
      </Stack>
      <TaskFormModal
        opened={addingTask}
        onClose={() => setAddingTask(false)}
        projectId={project.id}
        links={project.companyId ? [{ recordType: "company", recordId: project.companyId }] : []}
      />
    </Paper>
  );
}
