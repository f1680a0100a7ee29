import "../activities/activities-i18n.ts";
import { PROJECT_STATUSES, type TProject, type TProjectUpdateRequest } from "@kontor/contracts";
import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap, isApiError } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { CompanyPicker } from "../records/CompanyPicker.tsx";
import { DetailsCard } from "../records/DetailsCard.tsx";
import { useMembers } from "../records/records-api.ts";
import { useCan } from "../session/permissions.ts";
import { projectQuery, updateProject } from "./projects-api.ts";

interface ProjectValues {
  name: string;
  description: string;
  companyId: string | null;
  ownerId: string | null;
  memberIds: string[];
  startDate: string;
  deadline: string;
  status: TProject["status"];
}

const valuesOf = (project: TProject): ProjectValues => ({
  name: project.name,
  description: project.description ?? "",
  companyId: project.companyId,
  ownerId: project.ownerId,
  memberIds: project.memberIds,
  startDate: project.startDate ?? "",
  deadline: project.deadline ?? "",
  status: project.status,
});

const bodyOf = (values: ProjectValues): TProjectUpdateRequest => ({
  name: values.name,
  description: values.description.trim() || null,
  companyId: values.companyId,
  ownerId: values.ownerId,
  memberIds: values.memberIds,
  startDate: values.startDate || null,
  deadline: values.deadline || null,
  status: values.status,
});

/** Only what changed, so the audit trail shows real changes. */
function changes(project: TProject, values: ProjectValues): TProjectUpdateRequest {
  const before = bodyOf(valuesOf(project));
  const after = bodyOf(values);
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
    ),
  );
}

/** Every field of a project, saved with If-Match; a concurrent change shows the conflict alert. */
export function ProjectDetailsForm({ project }: { project: TProject }) {
  const { t } = useTranslation("activities");
  const members = useMembers() ?? [];
  const canWrite = useCan("projects.write");
  const [base, setBase] = useState(project);
  const [values, setValues] = useState(() => valuesOf(project));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const dirty = Object.keys(changes(base, values)).length > 0;

  // A fresher project from the server (status changed on the board, another tab) resets an untouched form.
  if (project.version > base.version && !dirty && !conflict) {
    setBase(project);
    setValues(valuesOf(project));
  }

  const set = (patch: Partial<ProjectValues>) => setValues((current) => ({ ...current, ...patch }));

  async function save() {
    if (!values.name.trim()) {
      setErrors({ name: t("common:validation.required") });
      return;
    }
    setSaving(true);
    try {
      const updated = await updateProject(base, changes(base, values));
      setBase(updated);
      setValues(valuesOf(updated));
      setErrors({});
      queryClient.setQueryData(projectQuery(updated.id).queryKey, updated);
      invalidateWork();
    } catch (error) {
      if (isApiError(error) && error.status === 412) setConflict(true);
      else {
        const fieldErrors = fieldErrorMap(error);
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length === 0) notifyError(error);
      }
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    const current = await queryClient.fetchQuery({ ...projectQuery(project.id), staleTime: 0 });
    setBase(current);
    setValues(valuesOf(current));
    setErrors({});
    setConflict(false);
  }

  const memberOptions = members.map((member) => ({ value: member.userId, label: member.name }));
  return (
    <DetailsCard
      title={t("projects.details")}
      readOnly={!canWrite}
      dirty={dirty}
      saving={saving}
      conflict={conflict}
      onSave={save}
      onReset={() => {
        setValues(valuesOf(base));
        setErrors({});
      }}
      onReload={reload}
    >
      <TextInput
        label={t("projects.name")}
        required
        value={values.name}
        onChange={(event) => set({ name: event.currentTarget.value })}
        error={errors.name}
        data-testid="project-name"
      />
      <Textarea
        label={t("projects.description")}
        autosize
        minRows={2}
        maxRows={8}
        value={values.description}
        onChange={(event) => set({ description: event.currentTarget.value })}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <CompanyPicker
          label={t("projects.customer")}
          value={values.companyId}
          onChange={(companyId) => set({ companyId })}
          error={errors.companyId}
        />
        <Select
          label={t("projects.status")}
          value={values.status}
          allowDeselect={false}
          onChange={(status) => status && set({ status: status as TProject["status"] })}
          data={PROJECT_STATUSES.map((status) => ({
            value: status,
            label: t(`projects.statuses.${status}`),
          }))}
          data-testid="project-status"
        />
        <TextInput
          type="date"
          label={t("projects.start")}
          value={values.startDate}
          onChange={(event) => set({ startDate: event.currentTarget.value })}
          error={errors.startDate}
        />
        <TextInput
          type="date"
          label={t("projects.deadlineLabel")}
          value={values.deadline}
          onChange={(event) => set({ deadline: event.currentTarget.value })}
          error={errors.deadline}
          data-testid="project-deadline"
        />
        <Select
          label={t("projects.owner")}
          placeholder={t("tasks.unassigned")}
          value={values.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          data={memberOptions}
          searchable
          clearable
          error={errors.ownerId}
          data-testid="project-owner"
        />
        <MultiSelect
          label={t("projects.members")}
          value={values.memberIds}
          onChange={(memberIds) => set({ memberIds })}
          data={memberOptions}
          searchable
          error={errors.memberIds}
          data-testid="project-members"
        />
      </SimpleGrid>
    </DetailsCard>
  );
}
