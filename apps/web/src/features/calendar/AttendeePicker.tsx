import "./calendar-i18n.ts";
import type { TAttendee, TPerson } from "@kontor/contracts";
import { type ComboboxItem, type ComboboxItemGroup, MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { listRecords, recordQuery, useMembers } from "../records/records-api.ts";

const optionValue = (attendee: TAttendee) => `${attendee.type}:${attendee.id}`;

function attendeeOf(value: string): TAttendee {
  const [type, id] = value.split(":");
  return { type: type as TAttendee["type"], id: id ?? "" };
}

/** Attendees of an appointment: colleagues (workspace members) and contacts (people), searched as you type. */
export function AttendeePicker(props: { value: TAttendee[]; onChange: (value: TAttendee[]) => void }) {
  const { t } = useTranslation("calendar");
  const members = useMembers() ?? [];
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 200);
  const { data: found = [] } = useQuery({
    queryKey: ["attendee-picker", q],
    enabled: q.trim().length > 0,
    queryFn: async () => (await listRecords<TPerson>("people", { q, limit: 8 })).data,
  });
  const chosenPeople = useQueries({
    queries: props.value
      .filter((attendee) => attendee.type === "person")
      .map((attendee) => recordQuery<TPerson>("people", attendee.id)),
  });
  const people = new Map<string, string>();
  for (const result of chosenPeople) if (result.data) people.set(result.data.id, result.data.displayName);
  for (const person of found) people.set(person.id, person.displayName);

  const data: ComboboxItemGroup<ComboboxItem>[] = [
    {
      group: t("colleagues"),
      items: members.map((member) => ({ value: `user:${member.userId}`, label: member.name })),
    },
    {
      group: t("contacts"),
      items: [...people].map(([id, name]) => ({ value: `person:${id}`, label: name })),
    },
  ].filter((group) => group.items.length > 0);
  const contactsGroup = t("contacts");

  return (
    <MultiSelect
      label={t("fields.attendees")}
      placeholder={t("attendeesPlaceholder")}
      data={data}
      value={props.value.map(optionValue)}
      onChange={(values) => props.onChange(values.map(attendeeOf))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      hidePickedOptions
      clearable
      // people come filtered by the server's search; colleagues are filtered here
      filter={({ options, search: text }) =>
        options
          .map((group) =>
            "group" in group && group.group !== contactsGroup
              ? {
                  ...group,
                  items: group.items.filter((item) =>
                    item.label.toLowerCase().includes(text.trim().toLowerCase()),
                  ),
                }
              : group,
          )
          .filter((group) => !("items" in group) || group.items.length > 0)
      }
      data-testid="appointment-attendees"
    />
  );
}
