import "../activities/activities-i18n.ts";
import type { TMilestone, TProject } from "@kontor/contracts";
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap, isApiError } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { ConflictAlert } from "../records/ConflictAlert.tsx";
import { useCan } from "../session/permissions.ts";
import { projectQuery, saveMilestones } from "./projects-api.ts";

type MilestoneDraft = Pick<TMilestone, "title" | "dueDate" | "done">;

const draftsOf = (project: TProject): MilestoneDraft[] =>
  project.milestones.map(({ title, dueDate, done }) => ({ title, dueDate, done }));

function MilestoneRow({
  milestone,
  index,
  onSave,
  onRemove,
}: {
  milestone: TMilestone;
  index: number;
  onSave: (patch: Partial<MilestoneDraft>) => void;
  /** Without it (a role that may not change projects) the row has no remove button. */
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation("activities");
  const [title, setTitle] = useState(milestone.title);
  const [dueDate, setDueDate] = useState(milestone.dueDate ?? "");

  function commit() {
    const trimmed = title.trim();
    if (!trimmed) return setTitle(milestone.title);
    if (trimmed !== milestone.title || (dueDate || null) !== milestone.dueDate)
      onSave({ title: trimmed, dueDate: dueDate || null });
  }

  // A date picked with the mouse saves after a moment; typing it digit by digit does not save each step.
  const commitLater = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(commitLater.current), []);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={`milestone-${index}`}>
      <Checkbox
        mt={8}
        checked={milestone.done}
        onChange={(event) => onSave({ done: event.currentTarget.checked })}
        aria-label={t(milestone.done ? "projects.milestoneReopen" : "projects.milestoneDone", {
          title: milestone.title,
        })}
        data-testid={`milestone-done-${index}`}
      />
      <Group gap="xs" style={{ flex: 1, minWidth: 0 }}>
        <TextInput
          style={{ flex: "1 1 160px", minWidth: 0 }}
          aria-label={t("projects.milestoneTitle")}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            }
            if (event.key === "Escape") setTitle(milestone.title);
          }}
          styles={{ input: milestone.done ? { textDecoration: "line-through" } : undefined }}
          data-testid={`milestone-title-${index}`}
        />
        <Group gap="xs" wrap="nowrap">
          <TextInput
            type="date"
            w={150}
            aria-label={t("projects.milestoneDue")}
            value={dueDate}
            onChange={(event) => {
              setDueDate(event.currentTarget.value);
              clearTimeout(commitLater.current);
              commitLater.current = setTimeout(() => commitRef.current(), 1200);
            }}
            onBlur={() => {
              clearTimeout(commitLater.current);
              commit();
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                clearTimeout(commitLater.current);
                commit();
              }
            }}
            data-testid={`milestone-due-${index}`}
          />
          {onRemove && (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              onClick={onRemove}
              aria-label={t("projects.milestoneRemove", { title: milestone.title })}
              data-testid={`milestone-remove-${index}`}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
    </Group>
  );
}

/** A project's milestones: add, rename, date, tick off and remove; each change saves the list. */
export function ProjectMilestones({ project }: { project: TProject }) {
  const { t } = useTranslation("activities");
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const canWrite = useCan("projects.write");
  const [conflict, setConflict] = useState(false);
  // Saves run one after another, each on the list and milestonesVersion the previous one left, so
  // quick edits in a row (a date, then a tick) never trip over each other's If-Match.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  function save(change: (list: MilestoneDraft[]) => MilestoneDraft[]): Promise<boolean> {
    const run = queue.current.then(() => saveNow(change));
    queue.current = run;
    return run;
  }

  async function saveNow(change: (list: MilestoneDraft[]) => MilestoneDraft[]) {
    const latest = queryClient.getQueryData<TProject>(projectQuery(project.id).queryKey) ?? project;
    setSaving(true);
    try {
      const updated = await saveMilestones(latest, change(draftsOf(latest)));
      queryClient.setQueryData(projectQuery(project.id).queryKey, updated);
      invalidateWork();
      return true;
    } catch (failure) {
      // Someone else saved the milestones first: nothing was written; show theirs after a reload.
      if (isApiError(failure) && failure.status === 412) {
        setConflict(true);
        return false;
      }
      const errors = fieldErrorMap(failure);
      if (Object.keys(errors).length > 0) setError(Object.values(errors)[0]);
      else notifyError(failure);
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    await queryClient.fetchQuery({ ...projectQuery(project.id), staleTime: 0 });
    setConflict(false);
  }

  async function add(event: React.FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError(t("common:validation.required"));
    setError(undefined);
    const added = { title: title.trim(), dueDate: dueDate || null, done: false };
    if (await save((list) => [...list, added])) {
      setTitle("");
      setDueDate("");
    }
  }

  const done = project.milestones.filter((milestone) => milestone.done).length;
  return (
    <Paper withBorder p="md" data-testid="project-milestones">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("projects.milestonesTitle")} ({done}/{project.milestones.length})
        </Title>
        {conflict && <ConflictAlert onReload={reload} />}
        {project.milestones.length === 0 && (
          <Text c="dimmed" size="sm">
            {t("projects.noMilestones")}
          </Text>
        )}
        <Fieldset variant="unstyled" disabled={!canWrite} p={0}>
          <Stack gap="sm">
            {project.milestones.map((milestone, index) => (
              <MilestoneRow
                key={milestone.id}
                milestone={milestone}
                index={index}
                onSave={(patch) =>
                  save((list) => list.map((item, other) => (other === index ? { ...item, ...patch } : item)))
                }
                onRemove={
                  canWrite ? () => save((list) => list.filter((_, other) => other !== index)) : undefined
                }
              />
            ))}
          </Stack>
        </Fieldset>
        {canWrite && (
          <form onSubmit={add} noValidate data-testid="milestone-add-form">
            <Group gap="xs" align="flex-start">
              <TextInput
                style={{ flex: "1 1 180px", minWidth: 0 }}
                aria-label={t("projects.newMilestone")}
                placeholder={t("projects.newMilestone")}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                error={error}
                data-testid="milestone-new-title"
              />
              <TextInput
                type="date"
                w={150}
                aria-label={t("projects.milestoneDue")}
                value={dueDate}
                onChange={(event) => setDueDate(event.currentTarget.value)}
                data-testid="milestone-new-due"
              />
              <Button
                type="submit"
                variant="light"
                loading={saving}
                leftSection={<IconPlus size={16} aria-hidden />}
                data-testid="milestone-add"
              >
                {t("projects.addMilestone")}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
