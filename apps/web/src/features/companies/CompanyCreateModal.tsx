import { type TCompany, ZCompanyCreateRequest } from "@kontor/contracts";
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
import { CompanyFields } from "./CompanyFields.tsx";
import { companyValuesToBody, emptyCompanyValues, flattenCompanyErrors } from "./company-form.ts";

export function CompanyCreateModal({ opened, onClose }: CreateFormProps) {
  const { t } = useTranslation("records");
  const navigate = useNavigate();
  const form = useForm(emptyCompanyValues());
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const body = form.validate(ZCompanyCreateRequest, companyValuesToBody(form.values));
    if (!body) {
      form.setErrors((errors) => flattenCompanyErrors(errors));
      return;
    }
    setBusy(true);
    try {
      const company = await createRecord<TCompany>("companies", body);
      await queryClient.invalidateQueries({ queryKey: ["companies", "list"] });
      notifications.show({ color: "green", message: t("companies.created", { name: company.name }) });
      onClose();
      await navigate({ to: "/companies/$id", params: { id: company.id } });
    } catch (error) {
      const errors = fieldErrorMap(error);
      if (Object.keys(errors).length > 0) form.setErrors(flattenCompanyErrors(errors));
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("companies.new")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common:close") }}
    >
      <form onSubmit={submit} noValidate data-testid="company-form" aria-label={t("companies.new")}>
        <Stack>
          <CompanyFields values={form.values} errors={form.errors} setField={form.setField} />
          <DuplicateWarning
            check={{
              object: "company",
              name: form.values.name,
              domain: form.values.domain,
              phone: form.values.phone,
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="company-form-submit">
              {t("common:create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
