import { NavLink, Stack } from "@mantine/core";
import {
  IconBuilding,
  IconCalendar,
  IconChecklist,
  IconCopy,
  IconFilterStar,
  IconPresentation,
  IconSettings,
  IconTrash,
  IconUsers,
} from "@tabler/icons-react";
import { Link, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

const ITEMS = [
  { to: "/people", label: "nav.people", icon: IconUsers, testId: "nav-people" },
  { to: "/companies", label: "nav.companies", icon: IconBuilding, testId: "nav-companies" },
  { to: "/tasks", label: "nav.tasks", icon: IconChecklist, testId: "nav-tasks" },
  { to: "/calendar", label: "nav.calendar", icon: IconCalendar, testId: "nav-calendar" },
  { to: "/projects", label: "nav.projects", icon: IconPresentation, testId: "nav-projects" },
  { to: "/segments", label: "nav.segments", icon: IconFilterStar, testId: "nav-segments" },
  { to: "/duplicates", label: "nav.duplicates", icon: IconCopy, testId: "nav-duplicates" },
  { to: "/trash", label: "nav.trash", icon: IconTrash, testId: "nav-trash" },
  { to: "/settings", label: "nav.settings", icon: IconSettings, testId: "nav-settings" },
] as const;

export function Sidebar() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Stack gap={4} component="nav">
      {ITEMS.map((item) => {
        const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} aria-hidden />}
            active={active}
            aria-current={active ? "page" : undefined}
            data-testid={item.testId}
          />
        );
      })}
    </Stack>
  );
}
