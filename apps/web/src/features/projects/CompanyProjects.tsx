import "../activities/activities-i18n.ts";
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../session/permissions.ts";
import { ProjectCard } from "./ProjectCard.tsx";
import { ProjectFormModal } from "./ProjectFormModal.tsx";
import { projectsQuery } from "./projects-api.ts";

/** The company page's projects section. */
export function CompanyProjects({ companyId }: { companyId: string }) {
  const { t } = useTranslation("activities");
  const { data = [] } = useQuery(projectsQuery(companyId));
  const [creating, setCreating] = useState(false);
  const canCreate = useCan("projects.write");
  return (
    <Paper withBorder p="md" data-testid="company-projects">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("projects.title")}
          </Title>
          {canCreate && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t("projects.new")}
            </Button>
          )}
        </Group>
        {data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("projects.empty")}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {data.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <ProjectFormModal opened={creating} onClose={() => setCreating(false)} companyId={companyId} />
    </Paper>
  );
}
