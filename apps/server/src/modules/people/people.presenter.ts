import type { TEmployment, TPerson } from "@kontor/contracts";
import type { PersonRow } from "./people.repository.ts";

export function displayNameOf(row: Pick<PersonRow, "firstName" | "lastName" | "email">): string {
  const name = [row.firstName, row.lastName].filter(Boolean).join(" ").trim();
  return name || row.email || "—";
}

export function presentPerson(row: PersonRow): TPerson {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: displayNameOf(row),
    email: row.email,
    additionalEmails: row.additionalEmails,
    phone: row.phone,
    additionalPhones: row.additionalPhones,
    jobTitle: row.jobTitle,
    companyId: row.companyId,
    address: row.address ?? null,
    birthday: row.birthday,
    tags: row.tags,
    ownerId: row.ownerId,
    customFields: row.customFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export function presentEmployment(row: {
  employment: {
    id: string;
    personId: string;
    companyId: string;
    jobTitle: string | null;
    startedAt: Date;
    endedAt: Date | null;
  };
  companyName: string | null;
}): TEmployment {
  return {
    id: row.employment.id,
    personId: row.employment.personId,
    companyId: row.employment.companyId,
    companyName: row.companyName,
    jobTitle: row.employment.jobTitle,
    startedAt: row.employment.startedAt.toISOString(),
    endedAt: row.employment.endedAt?.toISOString() ?? null,
  };
}
