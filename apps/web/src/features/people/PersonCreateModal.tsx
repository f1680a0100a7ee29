import { type TPerson, ZPersonCreateRequest } from "@kontor/contracts";
import { Button, Group, Modal, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "../../lib/form.ts";
import { fieldErrorMap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { DuplicateWarning } from "../duplicates/DuplicateWarning.tsx";
import type { CreateFormProps } from "../records/RecordListPage.tsx";
import { createRecord } from "../records/records-api.ts";
import { PersonFields } from "./PersonFields.tsx";
import { emptyPersonValues, flattenErrorPaths, personValuesToBody } from "./person-form.ts";

export function PersonCreateModal({ opened, onClose }: CreateFormProps) {
  const { t } = useTranslation("records");
  const navigate = useNavigate();
  const form = useForm(emptyPersonValues());
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const body = form.validate(ZPersonCreateRequest, personValuesToBody(form.values));
    if (!body) {
      form.setErrors((errors) => flattenErrorPaths(errors));
      return;
    }
    setBusy(true);
    try {
      const person = await createRecord<TPerson>("people", body);
      await queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      notifications.show({ color: "green", message: t("people.created", { name: person.displayName }) });
      onClose();
      await navigate({ to: "/people/$id", params: { id: person.id } });
    } catch (error) {
      const errors = fieldErrorMap(error);
      if (Object.keys(errors).length > 0) form.setErrors(flattenErrorPaths(errors));
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("people.new")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common:close") }}
    >
      <form onSubmit={submit} noValidate data-testid="person-form" aria-label={t("people.new")}>
        <Stack>
          <PersonFields values={form.values} errors={form.errors} setField={form.setField} />
          <DuplicateWarning
            check={{
              object: "person",
              email: form.values.email,
              phone: form.values.phone,
              firstName: form.values.firstName,
              lastName: form.values.lastName,
              companyId: form.values.companyId ?? undefined,
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="person-form-submit">
              {t("common:create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
