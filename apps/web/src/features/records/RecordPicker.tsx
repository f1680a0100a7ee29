import type { TCompany, TPerson } from "@kontor/contracts";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecordObject } from "./record-config.ts";
import { listRecords } from "./records-api.ts";

type Ref = { type: RecordObject; id: string };

/** Searches people and companies at once; the value is a typed reference. */
export function RecordPicker(props: {
  label: string;
  value: Ref | null;
  onChange: (ref: Ref | null) => void;
  excludeId?: string;
}) {
  const { t } = useTranslation("records");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 200);
  const { data = [] } = useQuery({
    queryKey: ["record-picker", q],
    enabled: q.trim().length > 0,
    queryFn: async () => {
      const [people, companies] = await Promise.all([
        listRecords<TPerson>("people", { q, limit: 5 }),
        listRecords<TCompany>("companies", { q, limit: 5 }),
      ]);
      return [
        {
          group: t("people.title"),
          items: people.data.map((p) => ({ value: `person:${p.id}`, label: p.displayName })),
        },
        {
          group: t("companies.title"),
          items: companies.data.map((c) => ({ value: `company:${c.id}`, label: c.name })),
        },
      ];
    },
  });
  const options = data
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => !item.value.endsWith(`:${props.excludeId}`)),
    }))
    .filter((group) => group.items.length > 0);
  return (
    <Select
      label={props.label}
      placeholder={t("relations.searchPlaceholder")}
      data={options}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: items }) => items}
      value={props.value ? `${props.value.type}:${props.value.id}` : null}
      onChange={(value) => {
        if (!value) return props.onChange(null);
        const [type, id] = value.split(":");
        props.onChange({ type: type as RecordObject, id: id ?? "" });
      }}
      nothingFoundMessage={q ? t("relations.nothingFound") : undefined}
      data-testid="relation-target"
    />
  );
}
