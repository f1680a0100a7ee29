import type {
  TAppointment,
  TAppointmentCreateRequest,
  TAppointmentUpdateRequest,
  TAttendee,
} from "@kontor/contracts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { memberships, people } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import type { Actor } from "../../lib/policy.ts";
import { isValidRecurrence } from "../../lib/recurrence.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { assertLinkTargetsExist, findLinks, replaceLinks } from "../record-links/record-links.repository.ts";
import { FieldErrors } from "../records/record-support.ts";
import * as repo from "./appointments.repository.ts";

// Helpers shared by the appointment service and its occurrence operations.

function presentAppointment(
  row: repo.AppointmentRow,
  attendees: TAttendee[],
  links: TAppointment["links"],
): TAppointment {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    allDay: row.allDay,
    timeZone: row.timeZone,
    recurrence: row.recurrence,
    attendees,
    links,
    excludedStarts: [...row.excludedStarts]
      .sort((a, b) => a.getTime() - b.getTime())
      .map((start) => start.toISOString()),
    seriesId: row.seriesId,
    originalStartsAt: row.originalStartsAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
  };
}

export async function presentMany(
  executor: Executor,
  workspaceId: string,
  rows: repo.AppointmentRow[],
): Promise<TAppointment[]> {
  const ids = rows.map((row) => row.id);
  const [attendees, links] = await Promise.all([
    repo.findAttendees(executor, workspaceId, ids),
    findLinks(executor, { workspaceId, sourceType: "appointment", sourceIds: ids }),
  ]);
  return rows.map((row) =>
    presentAppointment(
      row,
      attendees
        .filter((attendee) => attendee.appointmentId === row.id)
        .map((attendee) => ({ type: attendee.attendeeType as TAttendee["type"], id: attendee.attendeeId })),
      links.get(row.id) ?? [],
    ),
  );
}

export async function loadAppointment(executor: Executor, actor: Actor, id: string) {
  const row = await repo.findAppointmentById(executor, actor.workspaceId, id);
  if (!row) throw new AppError("appointment_not_found", "No such appointment.");
  return (await presentMany(executor, actor.workspaceId, [row]))[0]!;
}

export function assertVersion(appointment: TAppointment, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && appointment.version !== expectedVersion) {
    throw new AppError(
      "version_conflict",
      `The appointment changed meanwhile (now version ${appointment.version}).`,
    );
  }
}

async function assertAttendees(
  db: Executor,
  workspaceId: string,
  attendees: TAttendee[] | undefined,
  errors: FieldErrors,
) {
  if (!attendees?.length) return;
  const userIds = attendees.filter((a) => a.type === "user").map((a) => a.id);
  const personIds = attendees.filter((a) => a.type === "person").map((a) => a.id);
  const found = new Set<string>();
  if (userIds.length) {
    const rows = await db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
    for (const row of rows) found.add(`user:${row.id}`);
  }
  if (personIds.length) {
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(
        and(eq(people.workspaceId, workspaceId), inArray(people.id, personIds), isNull(people.deletedAt)),
      );
    for (const row of rows) found.add(`person:${row.id}`);
  }
  attendees.forEach((attendee, index) => {
    if (!found.has(`${attendee.type}:${attendee.id}`)) {
      errors.add(`attendees.${index}.id`, `No such ${attendee.type} in this workspace`, "record_not_found", {
        recordType: attendee.type,
      });
    }
  });
}

export async function validateAppointment(
  executor: Executor,
  actor: Actor,
  input: TAppointmentCreateRequest | TAppointmentUpdateRequest,
  merged: { startsAt: Date; endsAt: Date; isException?: boolean },
) {
  const errors = new FieldErrors();
  if (merged.endsAt < merged.startsAt)
    errors.add("endsAt", "The end must not be before the start", "end_before_start");
  if (input.recurrence && !isValidRecurrence(input.recurrence)) {
    errors.add(
      "recurrence",
      "Not a supported RRULE (FREQ=DAILY, WEEKLY or MONTHLY)",
      "unsupported_recurrence",
    );
  }
  if (input.recurrence && merged.isException) {
    errors.add("recurrence", "A moved occurrence of a series cannot repeat itself");
  }
  await assertAttendees(executor, actor.workspaceId, input.attendees, errors);
  await assertLinkTargetsExist(executor, actor.workspaceId, input.links, errors);
  errors.throwIfAny();
}

/** Replaces attendees and record links of an appointment (each only when given). */
export async function saveRelations(
  tx: Executor,
  options: {
    workspaceId: string;
    appointmentId: string;
    attendees?: TAttendee[] | undefined;
    links?: TAppointment["links"] | undefined;
  },
) {
  if (options.attendees !== undefined) {
    await repo.replaceAttendees(tx, {
      workspaceId: options.workspaceId,
      appointmentId: options.appointmentId,
      attendees: options.attendees,
    });
  }
  if (options.links !== undefined) {
    await replaceLinks(tx, {
      workspaceId: options.workspaceId,
      sourceType: "appointment",
      sourceId: options.appointmentId,
      links: options.links,
    });
  }
}

/** Writes the audit entry and domain event of an appointment change. */
export function auditAppointment(
  tx: Executor,
  actor: Actor,
  action: "create" | "update" | "delete",
  before: TAppointment | null,
  after: TAppointment | null,
) {
  const recordId = (after ?? before)!.id;
  return recordChange(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    recordType: "appointment",
    recordId,
    action,
    changes: diffRecords(before, after),
  });
}
