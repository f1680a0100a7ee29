import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { authRequest } from "../../lib/api.ts";
import { useForm } from "../../lib/form.ts";
import { isApiError } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";
import { meQuery } from "../session/session-api.ts";
import { AuthLayout } from "./AuthLayout.tsx";

const ZSignIn = z.object({ email: z.email(), password: z.string().min(1) });

export function SignInPage() {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const form = useForm({ email: "", password: "" });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.validate(ZSignIn);
    if (!input) return;
    setBusy(true);
    setFailure(null);
    try {
      await authRequest("sign-in/email", input);
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: "/people" });
    } catch (error) {
      const wrongCredentials = isApiError(error) && [400, 401, 403].includes(error.status);
      setFailure(wrongCredentials ? t("signIn.invalid") : t("common:errors.unexpected"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t("signIn.title")} subtitle={t("signIn.subtitle")}>
      <form onSubmit={submit} noValidate aria-label={t("signIn.title")} data-testid="sign-in-form">
        <Stack gap="sm">
          {failure && (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t("fields.email")}
            type="email"
            autoComplete="username"
            required
            value={form.values.email}
            onChange={(event) => form.setField("email", event.currentTarget.value)}
            error={form.errors.email}
            name="email"
          />
          <PasswordInput
            label={t("fields.password")}
            autoComplete="current-password"
            required
            value={form.values.password}
            onChange={(event) => form.setField("password", event.currentTarget.value)}
            error={form.errors.password}
            name="password"
          />
          <Button type="submit" loading={busy} fullWidth>
            {t("signIn.submit")}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t("signIn.forgot")}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
