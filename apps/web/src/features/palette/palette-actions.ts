import type { Permission } from "@kontor/contracts";
import type { MantineColorScheme } from "@mantine/core";
import type { useNavigate } from "@tanstack/react-router";
import i18n, { currentLanguage } from "../../lib/i18n.ts";
import type { SearchHit } from "../search/search-api.ts";

export interface PaletteItem {
  id: string;
  group: "actions" | "people" | "companies";
  label: string;
  hint?: string;
  /** The search hit behind a record item, to show why it matched. */
  hit?: SearchHit;
  run: () => void;
}

interface ActionContext {
  navigate: ReturnType<typeof useNavigate>;
  colorScheme: MantineColorScheme;
  setColorScheme: (scheme: MantineColorScheme) => void;
  /** What the member may do here: actions they may not run are left out. */
  permissions: ReadonlySet<Permission>;
}

/** Commands the palette offers besides records; labels come from the common namespace. */
export function paletteActions(context: ActionContext): PaletteItem[] {
  const { navigate, colorScheme, setColorScheme, permissions } = context;
  const t = i18n.t.bind(i18n);
  const other = currentLanguage() === "de" ? "en" : "de";
  const creates = [
    {
      id: "new-person",
      label: t("palette.newPerson"),
      permission: "people.write",
      run: () => void navigate({ to: "/people", search: { new: true } }),
    },
    {
      id: "new-company",
      label: t("palette.newCompany"),
      permission: "companies.write",
      run: () => void navigate({ to: "/companies", search: { new: true } }),
    },
  ] as const;
  return [
    ...creates
      .filter((item) => permissions.has(item.permission))
      .map(({ permission: _permission, ...item }) => item),
    { id: "go-people", label: t("palette.goPeople"), run: () => void navigate({ to: "/people" }) },
    { id: "go-companies", label: t("palette.goCompanies"), run: () => void navigate({ to: "/companies" }) },
    { id: "go-segments", label: t("palette.goSegments"), run: () => void navigate({ to: "/segments" }) },
    {
      id: "go-duplicates",
      label: t("palette.goDuplicates"),
      run: () => void navigate({ to: "/duplicates" }),
    },
    { id: "go-trash", label: t("palette.goTrash"), run: () => void navigate({ to: "/trash" }) },
    { id: "go-settings", label: t("palette.goSettings"), run: () => void navigate({ to: "/settings" }) },
    {
      id: "switch-language",
      label: t("palette.switchLanguage"),
      hint: other === "de" ? "Deutsch" : "English",
      run: () => void i18n.changeLanguage(other),
    },
    {
      id: "toggle-theme",
      label: t("palette.toggleTheme"),
      run: () => setColorScheme(colorScheme === "dark" ? "light" : "dark"),
    },
  ].map((item) => ({ ...item, group: "actions" as const }));
}
