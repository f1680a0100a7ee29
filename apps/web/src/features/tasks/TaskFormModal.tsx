import "../activities/activities-i18n.ts";
import type { TRecordLink, TTask } from "@kontor/contracts";
import { Button, Fieldset, Group, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap, isApiError } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { ConflictAlert } from "../records/ConflictAlert.tsx";
import { NoPermission, ReadOnlyNote } from "../session/NoPermission.tsx";
import { useCan } from "../session/permissions.ts";
import { meQuery } from "../session/session-api.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import { TaskFormFields } from "./TaskFormFields.tsx";
import {
  createBody,
  newTaskValues,
  type TaskFormValues,
  updateBody,
  valuesOfTask,
} from "./task-form-values.ts";
import { createTask, deleteTask, fetchTask, updateTask } from "./tasks-api.ts";

interface TaskFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The task to edit; without it the form creates a new task. */
  task?: TTask | null;
  /** For a new task: the records it is linked to and the project it belongs to. */
  links?: TRecordLink[];
  projectId?: string;
}

/**
 * New task or follow-up ("Wiedervorlage"), or an existing one to edit: one form for both.
 * A role that may not write tasks sees an existing task read-only, and no form for a new one.
 */
export function TaskFormModal(props: TaskFormModalProps) {
  const { t } = useTranslation("activities");
  const phone = useMediaQuery("(max-width: 36em)");
  const canWrite = useCan("tasks.write");
  const title = !props.task ? t("tasks.new") : canWrite ? t("tasks.edit") : t("tasks.view");
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} size="lg" fullScreen={phone}>
      {canWrite ? (
        <TaskForm {...props} />
      ) : props.task ? (
        <TaskView task={props.task} onClose={props.onClose} />
      ) : (
        <NoPermission />
      )}
    </Modal>
  );
}

/** A task for a role that only reads: the form's fields, disabled, and a close button. */
function TaskView({ task, onClose }: { task: TTask; onClose: () => void }) {
  const { t } = useTranslation("activities");
  return (
    <Stack data-testid="task-view">
      <ReadOnlyNote />
      <Fieldset variant="unstyled" disabled p={0}>
        <TaskFormFields
          values={valuesOfTask(task)}
          errors={{}}
          onChange={() => {}}
          onSubmitShortcut={() => {}}
        />
      </Fieldset>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common:close")}
        </Button>
      </Group>
    </Stack>
  );
}

function TaskForm({ task, links = [], projectId, onClose }: TaskFormModalProps) {
  const { t } = useTranslation("activities");
  const { data: me } = useQuery(meQuery);
  // The version the form is based on; a reload after a conflict moves it to the current one.
  const [base, setBase] = useState<TTask | null>(task ?? null);
  const [values, setValues] = useState<TaskFormValues>(() =>
    task ? valuesOfTask(task) : newTaskValues({ assigneeId: me?.user.id ?? null, projectId, links }),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function save() {
    if (!values.title.trim()) {
      setErrors({ title: t("common:validation.required") });
      return;
    }
    setSaving(true);
    try {
      if (base) {
        const body = updateBody(base, values);
        if (Object.keys(body).length > 0) await updateTask(base, body);
        notifications.show({ color: "green", message: t("tasks.saved") });
      } else {
        await createTask(createBody(values));
        notifications.show({ color: "green", message: t("tasks.created") });
      }
      invalidateWork();
      onClose();
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
    if (!base) return;
    try {
      const current = await fetchTask(base.id);
      setBase(current);
      setValues(valuesOfTask(current));
      setErrors({});
      setConflict(false);
      invalidateWork();
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove() {
    if (!base) return;
    try {
      await deleteTask(base.id);
      invalidateWork();
      notifyMovedToTrash({ recordType: "task", id: base.id, name: base.title });
      onClose();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="task-form"
    >
      <Stack>
        {conflict && <ConflictAlert onReload={reload} />}
        <TaskFormFields
          values={values}
          errors={errors}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          onSubmitShortcut={() => formRef.current?.requestSubmit()}
        />
        {confirmingDelete ? (
          <Stack gap="xs" data-testid="task-delete-confirm-box">
            <Text size="sm">{t("tasks.deleteConfirm", { title: base?.title })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmingDelete(false)}>
                {t("common:cancel")}
              </Button>
              <Button color="red" onClick={remove} data-testid="task-delete-confirm">
                {t("tasks.delete")}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group justify="space-between">
            {base ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirmingDelete(true)}
                data-testid="task-delete"
              >
                {t("tasks.delete")}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t("common:cancel")}
              </Button>
              <Button type="submit" loading={saving} data-testid="task-submit">
                {t("save")}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}
