import { Button, Kbd } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function GlobalSearchButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      onClick={onOpen}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        <Kbd size="xs" visibleFrom="md" aria-hidden style={{ whiteSpace: "nowrap" }}>
          {isMac ? "⌘" : "Ctrl"} K
        </Kbd>
      }
      aria-keyshortcuts={isMac ? "Meta+K" : "Control+K"}
      data-testid="global-search"
      styles={{ root: { flex: "0 1 320px", minWidth: 0 }, inner: { justifyContent: "space-between" } }}
    >
      <span className="kontor-search-label">{t("shell.searchPlaceholder")}</span>
    </Button>
  );
}
