import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { Link, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { authRequest } from "../../lib/api.ts";
import { useForm } from "../../lib/form.ts";
import { isApiError } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { AuthLayout } from "./AuthLayout.tsx";

const ZNewPassword = z
  .object({ password: z.string().min(10).max(128), confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "mismatch" });

export function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const { token } = useSearch({ from: "/reset-password" });
  const form = useForm({ password: "", confirm: "" });
  const [state, setState] = useState<"idle" | "busy" | "done" | "invalid">(token ? "idle" : "invalid");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.validate(ZNewPassword);
    if (!input) return;
    setState("busy");
    try {
      await authRequest("reset-password", { newPassword: input.password, token });
      setState("done");
    } catch (error) {
      if (isApiError(error) && error.status === 400) setState("invalid");
      else {
        setState("idle");
        notifyError(error);
      }
    }
  }

  return (
    <AuthLayout title={t("reset.title")} subtitle={t("reset.subtitle")}>
      {state === "done" && (
        <Alert color="green" role="status" data-testid="reset-done">
          {t("reset.done")}
        </Alert>
      )}
      {state === "invalid" && (
        <Alert color="red" role="alert">
          {t("reset.invalidToken")}
        </Alert>
      )}
      {(state === "idle" || state === "busy") && (
        <form onSubmit={submit} noValidate aria-label={t("reset.title")} data-testid="reset-password-form">
          <Stack gap="sm">
            <PasswordInput
              name="password"
              label={t("fields.newPassword")}
              description={t("fields.passwordHint")}
              autoComplete="new-password"
              required
              value={form.values.password}
              onChange={(event) => form.setField("password", event.currentTarget.value)}
              error={form.errors.password}
            />
            <PasswordInput
              name="confirm"
              label={t("fields.confirmPassword")}
              autoComplete="new-password"
              required
              value={form.values.confirm}
              onChange={(event) => form.setField("confirm", event.currentTarget.value)}
              error={form.errors.confirm ? t("reset.mismatch") : undefined}
            />
            <Button type="submit" loading={state === "busy"} fullWidth>
              {t("reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor
        component={Link}
        to={state === "invalid" ? "/forgot-password" : "/sign-in"}
        size="sm"
        ta="center"
      >
        {state === "invalid" ? t("reset.requestNew") : t("backToSignIn")}
      </Anchor>
    </AuthLayout>
  );
}
