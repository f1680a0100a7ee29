import "./activities-i18n.ts";
import type { ActivityType, TRecordLink } from "@kontor/contracts";
import { Button, Group } from "@mantine/core";
import { IconChecklist, IconNote, IconPhone } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../session/permissions.ts";
import { TaskFormModal } from "../tasks/TaskFormModal.tsx";
import { LogActivityModal } from "./LogActivityModal.tsx";

/** "Log a call", "Add note" and "New task" for the record header. */
export function RecordQuickActions({ links }: { links: TRecordLink[] }) {
  const { t } = useTranslation("activities");
  const [logging, setLogging] = useState<ActivityType | null>(null);
  const [creatingTask, setCreatingTask] = useState(false);
  const canLog = useCan("activities.write");
  const canCreateTask = useCan("tasks.write");
  if (!canLog && !canCreateTask) return null;
  return (
    <Group gap="xs">
      {canLog && (
        <>
          <Button
            variant="light"
            leftSection={<IconPhone size={16} aria-hidden />}
            onClick={() => setLogging("call")}
            data-testid="log-call"
          >
            {t("logCall")}
          </Button>
          <Button
            variant="light"
            leftSection={<IconNote size={16} aria-hidden />}
            onClick={() => setLogging("note")}
            data-testid="add-note"
          >
            {t("addNote")}
          </Button>
        </>
      )}
      {canCreateTask && (
        <Button
          variant="light"
          leftSection={<IconChecklist size={16} aria-hidden />}
          onClick={() => setCreatingTask(true)}
          data-testid="new-task"
        >
          {t("tasks.new")}
        </Button>
      )}
      {logging && (
        <LogActivityModal opened onClose={() => setLogging(null)} initialType={logging} links={links} />
      )}
      {canCreateTask && (
        <TaskFormModal opened={creatingTask} onClose={() => setCreatingTask(false)} links={links} />
      )}
    </Group>
  );
}
