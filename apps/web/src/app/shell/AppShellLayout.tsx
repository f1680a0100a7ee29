import { AppShell, Burger, Group, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure, useHotkeys } from "@mantine/hooks";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "../../features/notifications/NotificationBell.tsx";
import { useLanguageSync } from "../../features/session/use-language-sync.ts";
import { GlobalSearchButton } from "./GlobalSearchButton.tsx";
import { Sidebar } from "./Sidebar.tsx";
import { UserMenu } from "./UserMenu.tsx";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher.tsx";

const CommandPalette = lazy(() => import("../../features/palette/CommandPalette.tsx"));
const ShortcutsDialog = lazy(() => import("./ShortcutsDialog.tsx"));

function isTyping(): boolean {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

export function AppShellLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const [paletteOpened, setPaletteOpened] = useState(false);
  const [shortcutsOpened, setShortcutsOpened] = useState(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useLanguageSync();

  // Close the phone drawer after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => nav.close(), [pathname]);

  useHotkeys(
    [
      ["mod+K", () => setPaletteOpened((opened) => !opened)],
      [
        "shift+?",
        () => {
          if (!isTyping()) setShortcutsOpened(true);
        },
      ],
    ],
    [],
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={navOpened}
            onClick={nav.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t(navOpened ? "shell.closeNavigation" : "shell.openNavigation")}
          />
          <UnstyledButton component={Link} to="/people" aria-label={t("shell.home")}>
            <Group gap={8} wrap="nowrap">
              <img src="/icon.svg" alt="" width={28} height={28} />
              <Text fw={700} visibleFrom="xs">
                Kontor
              </Text>
            </Group>
          </UnstyledButton>
          <GlobalSearchButton onOpen={() => setPaletteOpened(true)} />
          <Group gap="xs" wrap="nowrap" ml="auto">
            <NotificationBell />
            <WorkspaceSwitcher />
            <UserMenu onShowShortcuts={() => setShortcutsOpened(true)} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("shell.navigation")}>
        <Sidebar />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <Suspense fallback={null}>
        {paletteOpened && <CommandPalette opened onClose={() => setPaletteOpened(false)} />}
        {shortcutsOpened && <ShortcutsDialog opened onClose={() => setShortcutsOpened(false)} />}
      </Suspense>
    </AppShell>
  );
}
