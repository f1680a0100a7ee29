import { Button, Menu } from "@mantine/core";
import { IconCheck, IconSelector } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { switchWorkspace, useSession } from "../../features/session/session-api.ts";

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { workspace, workspaces } = useSession();
  const navigate = useNavigate();
  if (!workspace) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          rightSection={<IconSelector size={14} aria-hidden />}
          aria-label={t("shell.workspace", { name: workspace.name })}
          data-testid="workspace-switcher"
          visibleFrom="xs"
        >
          {workspace.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("shell.workspaces")}</Menu.Label>
        {workspaces.map((item) => (
          <Menu.Item
            key={item.id}
            leftSection={
              item.id === workspace.id ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />
            }
            onClick={() => {
              switchWorkspace(item.id);
              void navigate({ to: "/people" });
            }}
          >
            {item.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
