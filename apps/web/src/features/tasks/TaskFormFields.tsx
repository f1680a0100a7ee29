import "../activities/activities-i18n.ts";
import { TASK_PRIORITIES, TASK_STATUSES } from "@kontor/contracts";
import { Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LinkedRecords } from "../activities/LinkedRecords.tsx";
import { projectsQuery } from "../projects/projects-api.ts";
import { useMembers } from "../records/records-api.ts";
import type { TaskFormValues } from "./task-form-values.ts";

const RECURRENCES = ["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY"];

interface TaskFormFieldsProps {
  values: TaskFormValues;
  errors: Record<string, string>;
  onChange: (patch: Partial<TaskFormValues>) => void;
  /** Ctrl/Cmd+Enter in the description saves, as Enter does in the one-line fields. */
  onSubmitShortcut: () => void;
}

/** The fields of the task form, shared by "new task" and "edit task". */
export function TaskFormFields({ values, errors, onChange, onSubmitShortcut }: TaskFormFieldsProps) {
  const { t } = useTranslation("activities");
  const members = useMembers() ?? [];
  const { data: projects = [] } = useQuery(projectsQuery());
  const recurrenceOptions = [
    { value: "", label: t("tasks.recurrences.none") },
    ...RECURRENCES.map((value) => ({
      value,
      label: t(`tasks.recurrences.${value.slice(5).toLowerCase()}`),
    })),
  ];
  if (values.recurrence && !RECURRENCES.includes(values.recurrence)) {
    recurrenceOptions.push({
      value: values.recurrence,
      label: t("tasks.customRecurrence", { rule: values.recurrence }),
    });
  }
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.name }));
  if (values.assigneeId && !memberOptions.some((option) => option.value === values.assigneeId)) {
    memberOptions.push({ value: values.assigneeId, label: t("tasks.formerMember") });
  }

  return (
    <Stack>
      <TextInput
        label={t("tasks.title")}
        required
        value={values.title}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={errors.title}
        data-testid="task-title"
        data-autofocus
      />
      <Textarea
        label={t("tasks.description")}
        autosize
        minRows={2}
        maxRows={8}
        value={values.description}
        onChange={(event) => onChange({ description: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmitShortcut();
          }
        }}
        error={errors.description}
        data-testid="task-description"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          type="datetime-local"
          label={t("tasks.dueAt")}
          value={values.dueAt}
          onChange={(event) => onChange({ dueAt: event.currentTarget.value })}
          error={errors.dueAt}
          data-testid="task-due"
        />
        <TextInput
          type="datetime-local"
          label={t("tasks.reminderAt")}
          value={values.reminderAt}
          onChange={(event) => onChange({ reminderAt: event.currentTarget.value })}
          error={errors.reminderAt}
          data-testid="task-reminder"
        />
        <Select
          label={t("tasks.priority")}
          value={values.priority}
          allowDeselect={false}
          onChange={(value) => value && onChange({ priority: value as TaskFormValues["priority"] })}
          data={TASK_PRIORITIES.map((value) => ({ value, label: t(`tasks.priorities.${value}`) }))}
          data-testid="task-priority"
        />
        <Select
          label={t("tasks.recurrence")}
          value={values.recurrence}
          allowDeselect={false}
          onChange={(value) => onChange({ recurrence: value ?? "" })}
          data={recurrenceOptions}
          error={errors.recurrence}
          data-testid="task-recurrence"
        />
        <Select
          label={t("tasks.status")}
          value={values.status}
          allowDeselect={false}
          onChange={(value) => value && onChange({ status: value as TaskFormValues["status"] })}
          data={TASK_STATUSES.map((value) => ({ value, label: t(`tasks.statuses.${value}`) }))}
          data-testid="task-status"
        />
        <Select
          label={t("tasks.assignee")}
          placeholder={t("tasks.unassigned")}
          value={values.assigneeId}
          onChange={(value) => onChange({ assigneeId: value })}
          data={memberOptions}
          searchable
          clearable
          error={errors.assigneeId}
          data-testid="task-assignee"
        />
      </SimpleGrid>
      <Select
        label={t("tasks.project")}
        placeholder={t("tasks.noProject")}
        value={values.projectId}
        onChange={(value) => onChange({ projectId: value })}
        data={projects.map((project) => ({ value: project.id, label: project.name }))}
        searchable
        clearable
        error={errors.projectId}
        data-testid="task-project"
      />
      <LinkedRecords links={values.links} onChange={(links) => onChange({ links })} />
    </Stack>
  );
}
