import "../activities/activities-i18n.ts";
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { CompanyPicker } from "../records/CompanyPicker.tsx";
import { createProject } from "./projects-api.ts";

/** "New project": name, customer, start and deadline; opens the new project's page. */
export function ProjectFormModal({
  opened,
  onClose,
  companyId,
}: {
  opened: boolean;
  onClose: () => void;
  companyId?: string;
}) {
  const { t } = useTranslation("activities");
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [customerId, setCustomerId] = useState<string | null>(companyId ?? null);
  const [startDate, setStartDate] = useState("");
  const [deadline, setDeadline] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    try {
      const project = await createProject({
        name,
        startDate: startDate || null,
        deadline: deadline || null,
        companyId: customerId,
      });
      invalidateWork();
      setName("");
      onClose();
      await navigate({ to: "/projects/$projectId", params: { projectId: project.id } });
    } catch (error) {
      setErrors(fieldErrorMap(error));
      notifyError(error);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("projects.new")}>
      <form onSubmit={submit} data-testid="project-form">
        <Stack>
          <TextInput
            label={t("projects.name")}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            data-testid="project-new-name"
          />
          {!companyId && (
            <CompanyPicker
              label={t("projects.customer")}
              value={customerId}
              onChange={setCustomerId}
              error={errors.companyId}
            />
          )}
          <Group grow>
            <TextInput
              type="date"
              label={t("projects.start")}
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("projects.deadlineLabel")}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
              error={errors.deadline}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" data-testid="project-submit">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
