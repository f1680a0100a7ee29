import { Avatar, Menu, UnstyledButton, useMantineColorScheme } from "@mantine/core";
import { IconKeyboard, IconLanguage, IconLogout, IconMoon, IconSun } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { signOut, useSession } from "../../features/session/session-api.ts";
import { currentLanguage } from "../../lib/i18n.ts";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
}

export function UserMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const dark = colorScheme === "dark";
  const language = currentLanguage();
  const name = user?.name.trim() ?? "";
  const shown = initials(name);
  // The name holds the initials the avatar shows (WCAG 2.5.3 "label in name": a speech user
  // says what they see) and the full name, which the initials only hint at.
  const label = shown ? t("shell.userMenuOf", { initials: shown, name }) : t("shell.userMenu");

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={label} data-testid="user-menu">
          <Avatar color="kontor" radius="xl" size="md">
            {shown || "?"}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user?.name}</Menu.Label>
        <Menu.Label style={{ paddingTop: 0 }}>{user?.email}</Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <IconLanguage size={12} aria-hidden /> {t("shell.language")}
        </Menu.Label>
        <Menu.Item
          onClick={() => void i18n.changeLanguage("de")}
          aria-checked={language === "de"}
          role="menuitemradio"
          data-testid="language-de"
          lang="de"
          fw={language === "de" ? 700 : undefined}
        >
          Deutsch
        </Menu.Item>
        <Menu.Item
          onClick={() => void i18n.changeLanguage("en")}
          aria-checked={language === "en"}
          role="menuitemradio"
          data-testid="language-en"
          lang="en"
          fw={language === "en" ? 700 : undefined}
        >
          English
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={dark ? <IconSun size={16} aria-hidden /> : <IconMoon size={16} aria-hidden />}
          onClick={() => setColorScheme(dark ? "light" : "dark")}
          data-testid="theme-toggle"
        >
          {t(dark ? "shell.lightTheme" : "shell.darkTheme")}
        </Menu.Item>
        <Menu.Item leftSection={<IconKeyboard size={16} aria-hidden />} onClick={onShowShortcuts}>
          {t("shell.shortcuts")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          data-testid="sign-out"
          onClick={async () => {
            await signOut();
            await navigate({ to: "/sign-in" });
          }}
        >
          {t("shell.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
