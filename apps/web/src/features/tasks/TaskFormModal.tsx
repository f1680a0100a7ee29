import "../activities/activities-i18n.ts";
import type { TRecordLink } from "@kontor/contracts";
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { browserTimeZone, createTask } from "./tasks-api.ts";

const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

/** New task or follow-up ("Wiedervorlage") linked to records, with due date, reminder and recurrence. */
export function TaskFormModal({
  opened,
  onClose,
  links = [],
  projectId,
}: {
  opened: boolean;
  onClose: () => void;
  links?: TRecordLink[];
  projectId?: string;
}) {
  const { t } = useTranslation("activities");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [reminderAt, setReminderAt] = useState("");
  const [priority, setPriority] = useState<string | null>("normal");
  const [recurrence, setRecurrence] = useState<string | null>("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      await createTask({
        title,
        description: description || null,
        dueAt: toIso(dueAt),
        reminderAt: toIso(reminderAt),
        priority: (priority ?? "normal") as never,
        recurrence: recurrence || null,
        timeZone: browserTimeZone(),
        links,
        ...(projectId ? { projectId } : {}),
      });
      invalidateWork();
      notifications.show({ color: "green", message: t("tasks.created") });
      setTitle("");
      setDescription("");
      onClose();
    } catch (error) {
      setErrors(fieldErrorMap(error));
      notifyError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("tasks.new")}>
      <form onSubmit={submit} data-testid="task-form">
        <Stack>
          <TextInput
            label={t("tasks.title")}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-testid="task-title"
            data-autofocus
          />
          <Textarea
            label={t("tasks.description")}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              type="datetime-local"
              label={t("tasks.dueAt")}
              value={dueAt}
              onChange={(event) => setDueAt(event.currentTarget.value)}
              data-testid="task-due"
            />
            <TextInput
              type="datetime-local"
              label={t("tasks.reminderAt")}
              value={reminderAt}
              onChange={(event) => setReminderAt(event.currentTarget.value)}
              error={errors.reminderAt}
              data-testid="task-reminder"
            />
          </Group>
          <Group grow>
            <Select
              label={t("tasks.priority")}
              value={priority}
              onChange={setPriority}
              data={["low", "normal", "high", "urgent"].map((value) => ({
                value,
                label: t(`tasks.priorities.${value}`),
              }))}
            />
            <Select
              label={t("tasks.recurrence")}
              value={recurrence}
              onChange={setRecurrence}
              data={[
                { value: "", label: t("tasks.recurrences.none") },
                { value: "FREQ=DAILY", label: t("tasks.recurrences.daily") },
                { value: "FREQ=WEEKLY", label: t("tasks.recurrences.weekly") },
                { value: "FREQ=MONTHLY", label: t("tasks.recurrences.monthly") },
              ]}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={saving} data-testid="task-submit">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
