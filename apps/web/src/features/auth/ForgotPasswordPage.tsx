import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { authRequest } from "../../lib/api.ts";
import { useForm } from "../../lib/form.ts";
import { notifyError } from "../../lib/query-client.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const form = useForm({ email: "" });
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.validate(z.object({ email: z.email() }));
    if (!input) return;
    setBusy(true);
    try {
      await authRequest("request-password-reset", { email: input.email, redirectTo: "/reset-password" });
      setSent(true);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t("forgot.title")} subtitle={t("forgot.subtitle")}>
      {sent ? (
        <Alert color="green" role="status" data-testid="reset-requested">
          {t("forgot.sent")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t("forgot.title")} data-testid="forgot-password-form">
          <Stack gap="sm">
            <TextInput
              name="email"
              type="email"
              label={t("fields.email")}
              autoComplete="username"
              required
              value={form.values.email}
              onChange={(event) => form.setField("email", event.currentTarget.value)}
              error={form.errors.email}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t("forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t("backToSignIn")}
      </Anchor>
    </AuthLayout>
  );
}
