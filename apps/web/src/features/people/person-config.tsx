import { PERSON_FILTER_FIELDS, type TPerson } from "@kontor/contracts";
import { formatDate } from "../../lib/format.ts";
import {
  addressPatch,
  CompanyName,
  metaFields,
  OwnerName,
  orNull,
  Tags,
  text,
} from "../records/field-helpers.tsx";
import type { FieldSpec, ObjectConfig } from "../records/record-config.ts";

const fields: FieldSpec<TPerson>[] = [
  {
    key: "displayName",
    labelKey: "fields.name",
    width: 220,
    isName: true,
    display: (person) => person.displayName,
  },
  {
    key: "firstName",
    labelKey: "fields.firstName",
    width: 140,
    sortable: true,
    filterable: true,
    display: (person) => text(person.firstName),
    edit: "text",
    toPatch: (_person, value) => ({ firstName: orNull(value) }),
  },
  {
    key: "lastName",
    labelKey: "fields.lastName",
    width: 140,
    sortable: true,
    filterable: true,
    display: (person) => text(person.lastName),
    edit: "text",
    toPatch: (_person, value) => ({ lastName: orNull(value) }),
  },
  {
    key: "email",
    labelKey: "fields.email",
    width: 220,
    sortable: true,
    filterable: true,
    display: (person) => text(person.email),
    edit: "email",
    toPatch: (_person, value) => ({ email: orNull(value) }),
  },
  {
    key: "phone",
    labelKey: "fields.phone",
    width: 150,
    filterable: true,
    display: (person) => text(person.phone),
    edit: "text",
    toPatch: (_person, value) => ({ phone: orNull(value) }),
  },
  {
    key: "jobTitle",
    labelKey: "fields.jobTitle",
    width: 170,
    filterable: true,
    display: (person) => text(person.jobTitle),
    edit: "text",
    toPatch: (_person, value) => ({ jobTitle: orNull(value) }),
  },
  {
    key: "companyId",
    labelKey: "fields.company",
    width: 180,
    filterable: true,
    display: () => "",
    render: (person) => <CompanyName id={person.companyId} />,
  },
  {
    key: "city",
    labelKey: "fields.city",
    width: 130,
    filterable: true,
    display: (person) => text(person.address?.city),
    edit: "text",
    toPatch: (person, value) => addressPatch(person.address, "city", value),
  },
  {
    key: "country",
    labelKey: "fields.country",
    width: 90,
    filterable: true,
    display: (person) => text(person.address?.country),
    edit: "text",
    toPatch: (person, value) => addressPatch(person.address, "country", value),
  },
  {
    key: "tags",
    labelKey: "fields.tags",
    width: 180,
    filterable: true,
    display: (person) => person.tags.join(", "),
    render: (person) => <Tags tags={person.tags} />,
    editValue: (person) => person.tags.join(", "),
    edit: "tags",
    toPatch: (_person, value) => ({ tags: splitTags(value) }),
  },
  {
    key: "ownerId",
    labelKey: "fields.owner",
    width: 150,
    filterable: true,
    display: () => "",
    render: (person) => <OwnerName id={person.ownerId} />,
  },
  {
    key: "birthday",
    labelKey: "fields.birthday",
    width: 120,
    sortable: true,
    filterable: true,
    display: (person) => formatDate(person.birthday),
  },
  ...metaFields<TPerson>(),
];

export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

export const personConfig: ObjectConfig<TPerson> = {
  object: "person",
  segment: "people",
  fields,
  defaultColumns: ["displayName", "email", "phone", "jobTitle", "companyId", "city", "tags", "createdAt"],
  filterFields: PERSON_FILTER_FIELDS,
  displayName: (person) => person.displayName,
};
