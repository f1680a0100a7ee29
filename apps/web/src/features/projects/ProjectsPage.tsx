import "../activities/activities-i18n.ts";
import { PROJECT_STATUSES } from "@kontor/contracts";
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format.ts";
import { CompanyName } from "../records/field-helpers.tsx";
import { RecordLink } from "../records/RecordLink.tsx";
import { useCan } from "../session/permissions.ts";
import { ProjectCard } from "./ProjectCard.tsx";
import { ProjectFormModal } from "./ProjectFormModal.tsx";
import { ProjectLink } from "./ProjectLink.tsx";
import { projectsQuery } from "./projects-api.ts";

/** Projects overview: a board by status or a list by deadline. */
export function ProjectsPage() {
  const { t } = useTranslation("activities");
  const { data = [] } = useQuery(projectsQuery());
  const [view, setView] = useState("board");
  const [creating, setCreating] = useState(false);
  const canCreate = useCan("projects.write");
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("projects.title")}
        </Title>
        <Group>
          <SegmentedControl
            value={view}
            onChange={setView}
            data={[
              { value: "board", label: t("projects.board") },
              { value: "list", label: t("projects.list") },
            ]}
          />
          {canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t("projects.new")}
            </Button>
          )}
        </Group>
      </Group>
      {view === "board" ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} data-testid="projects-board">
          {PROJECT_STATUSES.map((status) => {
            const column = data.filter((project) => project.status === status);
            return (
              <Paper
                key={status}
                withBorder
                p="sm"
                bg="var(--mantine-color-default-hover)"
                data-testid={`projects-column-${status}`}
              >
                <Stack gap="xs">
                  <Text fw={600} size="sm">
                    {t(`projects.statuses.${status}`)} ({column.length})
                  </Text>
                  {column.map((project) => (
                    <ProjectCard key={project.id} project={project} />
                  ))}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="projects-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("projects.name")}</Table.Th>
                <Table.Th>{t("projects.customer")}</Table.Th>
                <Table.Th>{t("projects.deadlineLabel")}</Table.Th>
                <Table.Th>{t("projects.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Td>
                    <ProjectLink id={project.id}>{project.name}</ProjectLink>
                  </Table.Td>
                  <Table.Td>
                    {project.companyId && (
                      <RecordLink segment="companies" id={project.companyId}>
                        <CompanyName id={project.companyId} />
                      </RecordLink>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(project.deadline)}</Table.Td>
                  <Table.Td>{t(`projects.statuses.${project.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ProjectFormModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
