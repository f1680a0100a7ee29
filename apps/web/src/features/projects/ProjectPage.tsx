import "../activities/activities-i18n.ts";
import type { TProject } from "@kontor/contracts";
import { Anchor, Badge, Button, Grid, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconTrash } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { RecordComments } from "../comments/RecordComments.tsx";
import { CompanyName } from "../records/field-helpers.tsx";
import { RecordLink } from "../records/RecordLink.tsx";
import { useCan } from "../session/permissions.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import { ProjectDetailsForm } from "./ProjectDetailsForm.tsx";
import { ProjectMilestones } from "./ProjectMilestones.tsx";
import { ProjectTasks } from "./ProjectTasks.tsx";
import { deleteProject, projectQuery } from "./projects-api.ts";

/** A project: its details, milestones, tasks and comments. */
export function ProjectPage() {
  const { projectId } = useParams({ strict: false }) as { projectId: string };
  const { data: project } = useSuspenseQuery(projectQuery(projectId));
  return <ProjectView key={project.id} project={project} />;
}

function ProjectView({ project }: { project: TProject }) {
  const { t } = useTranslation("activities");
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const canWrite = useCan("projects.write");

  async function remove() {
    try {
      await deleteProject(project.id);
      invalidateWork();
      notifyMovedToTrash({ recordType: "project", id: project.id, name: project.name });
      await navigate({ to: "/projects" });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap="md" data-testid="project-page">
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/projects" {...props} />}
        w="fit-content"
        data-testid="project-back"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("projects.title")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }}>
            {project.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light">{t(`projects.statuses.${project.status}`)}</Badge>
            {project.deadline && (
              <Badge variant="default">
                {t("projects.deadline", { date: formatDate(project.deadline) })}
              </Badge>
            )}
            {project.companyId && (
              <RecordLink segment="companies" id={project.companyId}>
                <CompanyName id={project.companyId} />
              </RecordLink>
            )}
          </Group>
        </Stack>
        {canWrite && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setConfirming(true)}
            data-testid="project-delete"
          >
            {t("projects.delete")}
          </Button>
        )}
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <ProjectDetailsForm project={project} />
            <RecordComments recordType="project" recordId={project.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <ProjectMilestones project={project} />
            <ProjectTasks project={project} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("projects.delete")}>
        <Stack>
          <Text size="sm">{t("projects.deleteConfirm", { name: project.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common:cancel")}
            </Button>
            <Button color="red" onClick={remove} data-testid="project-delete-confirm">
              {t("projects.delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
