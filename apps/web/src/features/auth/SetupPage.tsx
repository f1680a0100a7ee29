import { ZSetupRequest } from "@kontor/contracts";
import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { useForm } from "../../lib/form.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { meQuery, setupStatusQuery } from "../session/session-api.ts";
import { AuthLayout } from "./AuthLayout.tsx";

const FIELDS = [
  { key: "name", autoComplete: "name" },
  { key: "email", autoComplete: "username", type: "email" },
  { key: "workspaceName", autoComplete: "organization" },
] as const;

export function SetupPage() {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const form = useForm({ name: "", email: "", password: "", workspaceName: "" });
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.validate(ZSetupRequest);
    if (!input) return;
    setBusy(true);
    try {
      unwrap(await api.POST("/api/v1/setup", { body: input }));
      queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: "/people" });
    } catch (error) {
      if (!form.applyServerError(error)) notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t("setup.title")} subtitle={t("setup.subtitle")}>
      <form onSubmit={submit} noValidate aria-label={t("setup.title")} data-testid="setup-form">
        <Stack gap="sm">
          {FIELDS.map((field) => (
            <TextInput
              key={field.key}
              name={field.key}
              label={t(`fields.${field.key}`)}
              type={"type" in field ? field.type : "text"}
              autoComplete={field.autoComplete}
              required
              value={form.values[field.key]}
              onChange={(event) => form.setField(field.key, event.currentTarget.value)}
              error={form.errors[field.key]}
            />
          ))}
          <PasswordInput
            name="password"
            label={t("fields.password")}
            description={t("fields.passwordHint")}
            autoComplete="new-password"
            required
            value={form.values.password}
            onChange={(event) => form.setField("password", event.currentTarget.value)}
            error={form.errors.password}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
