import { Group, Kbd, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

const SHORTCUTS = [
  { keys: ["Ctrl/⌘", "K"], label: "shortcuts.palette" },
  { keys: ["?"], label: "shortcuts.help" },
  { keys: ["/"], label: "shortcuts.quickSearch" },
  { keys: ["N"], label: "shortcuts.newRecord" },
  { keys: ["Enter"], label: "shortcuts.editCell" },
  { keys: ["Esc"], label: "shortcuts.cancel" },
] as const;

export default function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("shortcuts.title")}
      closeButtonProps={{ "aria-label": t("close") }}
    >
      <Stack gap="xs" data-testid="shortcuts-dialog">
        {SHORTCUTS.map((shortcut) => (
          <Group key={shortcut.label} justify="space-between">
            <Text size="sm">{t(shortcut.label)}</Text>
            <Group gap={4}>
              {shortcut.keys.map((key) => (
                <Kbd key={key}>{key}</Kbd>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
