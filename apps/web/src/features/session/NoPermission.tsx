import { Alert, Button, Center, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "./session-api.ts";

/** The role name of the signed-in member in the current workspace, in the UI language. */
function useRoleName(): string {
  const { t } = useTranslation();
  const { workspace } = useSession();
  return workspace ? t(`settings:roles.${workspace.role}`) : "";
}

/**
 * "You have no permission": shown instead of a form or page the member's role may not use,
 * for example after following a link to `/people?new=true` as a read-only member.
 */
export function NoPermission({ backTo }: { backTo?: string }) {
  const { t } = useTranslation();
  const role = useRoleName();
  return (
    <Center p="xl">
      <Alert
        color="gray"
        icon={<IconLock size={18} aria-hidden />}
        title={t("permissions.title")}
        data-testid="no-permission"
        maw={520}
      >
        <Stack gap="sm">
          <Text size="sm">{t("permissions.text", { role })}</Text>
          {backTo && (
            <Button
              component={Link}
              to={backTo}
              variant="light"
              w="fit-content"
              data-testid="no-permission-back"
            >
              {t("permissions.back")}
            </Button>
          )}
        </Stack>
      </Alert>
    </Center>
  );
}

/** A quiet line above a form the member may look at but not change. */
export function ReadOnlyNote() {
  const { t } = useTranslation();
  const role = useRoleName();
  return (
    <Text size="sm" c="dimmed" data-testid="read-only-note">
      {t("permissions.readOnly", { role })}
    </Text>
  );
}
