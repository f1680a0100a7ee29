import type { TPerson } from "@kontor/contracts";

export interface PersonFormValues extends Record<string, unknown> {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  companyId: string | null;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  birthday: string;
  tags: string[];
  customFields: Record<string, unknown>;
}

export function emptyPersonValues(): PersonFormValues {
  return {
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    jobTitle: "",
    companyId: null,
    street: "",
    postalCode: "",
    city: "",
    country: "",
    birthday: "",
    tags: [],
    customFields: {},
  };
}

export function personToValues(person: TPerson): PersonFormValues {
  return {
    firstName: person.firstName ?? "",
    lastName: person.lastName ?? "",
    email: person.email ?? "",
    phone: person.phone ?? "",
    jobTitle: person.jobTitle ?? "",
    companyId: person.companyId,
    street: person.address?.street ?? "",
    postalCode: person.address?.postalCode ?? "",
    city: person.address?.city ?? "",
    country: person.address?.country ?? "",
    birthday: person.birthday ?? "",
    tags: person.tags,
    customFields: person.customFields,
  };
}

const blank = (value: string) => (value.trim() === "" ? null : value.trim());

/** The request body for create and update; empty inputs become null. */
export function personValuesToBody(values: PersonFormValues) {
  const address = {
    street: blank(values.street),
    postalCode: blank(values.postalCode),
    city: blank(values.city),
    country: blank(values.country.toUpperCase()),
  };
  return {
    firstName: blank(values.firstName),
    lastName: blank(values.lastName),
    email: blank(values.email),
    phone: blank(values.phone),
    jobTitle: blank(values.jobTitle),
    companyId: values.companyId,
    address: Object.values(address).some((value) => value !== null) ? address : null,
    birthday: blank(values.birthday),
    tags: values.tags,
    customFields: values.customFields,
  };
}

/** Server and zod paths (`address.city`) mapped onto the form's flat fields (`city`). */
export function flattenErrorPaths(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [path.replace(/^address\./, ""), message]),
  );
}
