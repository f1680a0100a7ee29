import type { TCompany } from "@kontor/contracts";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCompanyName } from "./name-lookup.ts";
import { listRecords } from "./records-api.ts";

interface CompanyPickerProps {
  label: string;
  value: string | null;
  error?: string;
  onChange: (id: string | null) => void;
}

/** A searchable company select that asks the server (`q=`) as the person types. */
export function CompanyPicker({ label, value, error, onChange }: CompanyPickerProps) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 200);
  const currentName = useCompanyName(value);
  const { data } = useQuery({
    queryKey: ["companies", "pick", q],
    queryFn: () => listRecords<TCompany>("companies", { q, limit: 20, sort: "name" }),
  });
  const options = (data?.data ?? []).map((company) => ({ value: company.id, label: company.name }));
  if (value && currentName && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: currentName });
  }
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: items }) => items}
      error={error}
      data-testid="field-companyId"
    />
  );
}
