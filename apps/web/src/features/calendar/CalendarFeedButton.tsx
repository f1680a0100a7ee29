import "./calendar-i18n.ts";
import { ActionIcon, Button, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarShare } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/query-client.ts";
import { createFeed, revokeFeed } from "./calendar-api.ts";

/** Creates the private iCalendar feed address (revoking an older one) and shows it once. */
export function CalendarFeedButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation("calendar");
  const [feedUrl, setFeedUrl] = useState<string | null>(null);

  async function subscribe() {
    try {
      setFeedUrl((await createFeed()).url);
    } catch (error) {
      notifyError(error);
    }
  }

  async function revoke() {
    try {
      await revokeFeed();
      setFeedUrl(null);
      notifications.show({ color: "green", message: t("feedRevoked") });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      {compact ? (
        <Tooltip label={t("subscribe")}>
          <ActionIcon
            variant="light"
            size="lg"
            onClick={subscribe}
            aria-label={t("subscribe")}
            data-testid="calendar-feed"
          >
            <IconCalendarShare size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          variant="light"
          leftSection={<IconCalendarShare size={16} aria-hidden />}
          onClick={subscribe}
          data-testid="calendar-feed"
        >
          {t("subscribe")}
        </Button>
      )}
      <Modal opened={feedUrl !== null} onClose={() => setFeedUrl(null)} title={t("subscribe")}>
        <Stack>
          <Text size="sm">{t("feedHint")}</Text>
          <TextInput
            readOnly
            value={feedUrl ?? ""}
            aria-label={t("feedUrl")}
            data-testid="calendar-feed-url"
          />
          <Group justify="space-between">
            <Button color="red" variant="subtle" onClick={revoke}>
              {t("revoke")}
            </Button>
            <CopyButton value={feedUrl ?? ""}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? t("copied") : t("copy")}</Button>}
            </CopyButton>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
