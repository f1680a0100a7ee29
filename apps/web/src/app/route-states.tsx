import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../lib/error-text.ts";
import { isApiError } from "../lib/problem.ts";

export function RoutePending() {
  const { t } = useTranslation();
  return (
    <Center h="50vh" role="status" aria-live="polite">
      <Loader aria-label={t("loading")} />
    </Center>
  );
}

export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Center p="xl">
      <Alert
        color={notFound ? "gray" : "red"}
        title={notFound ? t("errors.notFoundTitle") : t("errors.title")}
      >
        <Stack gap="sm">
          <Text>
            {notFound
              ? t("errors.notFound")
              : isApiError(error)
                ? problemMessage(error)
                : t("errors.unexpected")}
          </Text>
          <Button component={Link} to="/people" variant="light">
            {t("errors.backHome")}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack align="center">
        <Title order={1}>{t("errors.notFoundTitle")}</Title>
        <Text>{t("errors.notFound")}</Text>
        <Button component={Link} to="/">
          {t("errors.backHome")}
        </Button>
      </Stack>
    </Center>
  );
}
