import { createHash, randomBytes } from "node:crypto";
import type {
  TAppointment,
  TAppointmentCreateRequest,
  TAppointmentOccurrence,
  TAppointmentUpdateRequest,
  TAttendee,
} from "@kontor/contracts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { memberships, people } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { expandRecurrence, isValidRecurrence } from "../../lib/recurrence.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { assertLinkTargetsExist, findLinks, replaceLinks } from "../record-links/record-links.repository.ts";
import { FieldErrors } from "../records/record-support.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import * as repo from "./appointments.repository.ts";
import { renderCalendar } from "./appointments-ics.ts";

const RANGE_LIMIT_DAYS = 400;
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;

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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    version: row.version,
  };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

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
      errors.add(`attendees.${index}.id`, `No such ${attendee.type} in this workspace`);
    }
  });
}

export function createAppointmentsService({ db }: { db: Database }) {
  async function presentMany(executor: Executor, workspaceId: string, rows: repo.AppointmentRow[]) {
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

  async function load(executor: Executor, actor: Actor, id: string) {
    const row = await repo.findAppointmentById(executor, actor.workspaceId, id);
    if (!row) throw new AppError("appointment_not_found", "No such appointment.");
    return (await presentMany(executor, actor.workspaceId, [row]))[0]!;
  }

  async function validate(
    executor: Executor,
    actor: Actor,
    input: TAppointmentCreateRequest | TAppointmentUpdateRequest,
    merged: { startsAt: Date; endsAt: Date },
  ) {
    const errors = new FieldErrors();
    if (merged.endsAt < merged.startsAt) errors.add("endsAt", "The end must not be before the start");
    if (input.recurrence && !isValidRecurrence(input.recurrence)) {
      errors.add("recurrence", "Not a supported RRULE (FREQ=DAILY, WEEKLY or MONTHLY)");
    }
    await assertAttendees(executor, actor.workspaceId, input.attendees, errors);
    await assertLinkTargetsExist(executor, actor.workspaceId, input.links, errors);
    errors.throwIfAny();
  }

  function expand(appointment: TAppointment, from: Date, to: Date): TAppointmentOccurrence[] {
    const start = new Date(appointment.startsAt);
    const duration = new Date(appointment.endsAt).getTime() - start.getTime();
    const base = {
      appointmentId: appointment.id,
      title: appointment.title,
      location: appointment.location,
      allDay: appointment.allDay,
      recurring: Boolean(appointment.recurrence),
    };
    const starts = appointment.recurrence
      ? expandRecurrence({
          recurrence: appointment.recurrence,
          start,
          timeZone: appointment.timeZone,
          from: new Date(from.getTime() - duration),
          to,
        })
      : [start];
    return starts
      .filter((occurrence) => occurrence.getTime() + duration > from.getTime() && occurrence < to)
      .map((occurrence) => ({
        ...base,
        startsAt: occurrence.toISOString(),
        endsAt: new Date(occurrence.getTime() + duration).toISOString(),
      }));
  }

  return {
    async findByIds(workspaceId: string, ids: string[]) {
      return presentMany(db, workspaceId, await repo.findAppointmentsByIds(db, workspaceId, ids));
    },

    /** Occurrences in [from, to), recurring appointments expanded in their time zone. */
    async range(actor: Actor, query: { from: string; to: string; mine?: boolean }) {
      authorizeRecord(actor, "read");
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (!(to > from) || to.getTime() - from.getTime() > RANGE_LIMIT_DAYS * 86_400_000) {
        throw new AppError("validation_failed", "The range is not valid.", [
          { path: "to", message: `Give a range after from of at most ${RANGE_LIMIT_DAYS} days` },
        ]);
      }
      const rows = await repo.findAppointmentsInRange(db, {
        workspaceId: actor.workspaceId,
        from,
        to,
        limit: 2000,
        ...(query.mine ? { userId: actor.userId } : {}),
      });
      const list = await presentMany(db, actor.workspaceId, rows);
      const data = list.flatMap((appointment) => expand(appointment, from, to));
      data.sort(
        (a, b) => a.startsAt.localeCompare(b.startsAt) || a.appointmentId.localeCompare(b.appointmentId),
      );
      return { data };
    },

    async get(actor: Actor, id: string) {
      authorizeRecord(actor, "read");
      return load(db, actor, id);
    },

    async create(actor: Actor, input: TAppointmentCreateRequest): Promise<TAppointment> {
      authorizeRecord(actor, "create");
      return db.transaction(async (tx) => {
        const startsAt = new Date(input.startsAt);
        const endsAt = new Date(input.endsAt);
        await validate(tx, actor, input, { startsAt, endsAt });
        const row = await repo.insertAppointment(tx, {
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
          title: input.title,
          description: input.description ?? null,
          location: input.location ?? null,
          startsAt,
          endsAt,
          allDay: input.allDay ?? false,
          timeZone: input.timeZone ?? "Europe/Berlin",
          recurrence: input.recurrence?.replace(/^RRULE:/, "") ?? null,
        });
        await repo.replaceAttendees(tx, {
          workspaceId: actor.workspaceId,
          appointmentId: row.id,
          attendees: input.attendees ?? [],
        });
        await replaceLinks(tx, {
          workspaceId: actor.workspaceId,
          sourceType: "appointment",
          sourceId: row.id,
          links: input.links ?? [],
        });
        const appointment = await load(tx, actor, row.id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "appointment",
          recordId: row.id,
          action: "create",
          changes: diffRecords(null, appointment),
        });
        return appointment;
      });
    },

    async update(actor: Actor, id: string, input: TAppointmentUpdateRequest, expectedVersion?: number) {
      authorizeRecord(actor, "update");
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        if (expectedVersion !== undefined && before.version !== expectedVersion) {
          throw new AppError(
            "version_conflict",
            `The appointment changed meanwhile (now version ${before.version}).`,
          );
        }
        const startsAt = new Date(input.startsAt ?? before.startsAt);
        const endsAt = new Date(input.endsAt ?? before.endsAt);
        await validate(tx, actor, input, { startsAt, endsAt });
        const values: Partial<repo.AppointmentInsert> = { startsAt, endsAt };
        if (input.title !== undefined) values.title = input.title;
        if (input.description !== undefined) values.description = input.description;
        if (input.location !== undefined) values.location = input.location;
        if (input.allDay !== undefined) values.allDay = input.allDay;
        if (input.timeZone !== undefined) values.timeZone = input.timeZone;
        if (input.recurrence !== undefined)
          values.recurrence = input.recurrence?.replace(/^RRULE:/, "") ?? null;
        const row = await repo.updateAppointment(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: before.version,
          values,
        });
        if (!row)
          throw new AppError("version_conflict", "The appointment changed meanwhile; reload and try again.");
        if (input.attendees !== undefined) {
          await repo.replaceAttendees(tx, {
            workspaceId: actor.workspaceId,
            appointmentId: id,
            attendees: input.attendees,
          });
        }
        if (input.links !== undefined) {
          await replaceLinks(tx, {
            workspaceId: actor.workspaceId,
            sourceType: "appointment",
            sourceId: id,
            links: input.links,
          });
        }
        const after = await load(tx, actor, id);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "appointment",
          recordId: id,
          action: "update",
          changes: diffRecords(before, after),
        });
        return after;
      });
    },

    /** Moves the appointment to the trash: it leaves the calendar and the feeds until restored. */
    async remove(actor: Actor, id: string) {
      authorizeRecord(actor, "delete");
      await db.transaction((tx) =>
        moveToTrash(tx, { actor, recordType: "appointment", id, notFound: "appointment_not_found" }),
      );
    },

    async restore(actor: Actor, id: string): Promise<TAppointment> {
      authorizeRecord(actor, "delete");
      return db.transaction(async (tx) => {
        await restoreFromTrash(tx, {
          actor,
          recordType: "appointment",
          id,
          notFound: "appointment_not_found",
        });
        return load(tx, actor, id);
      });
    },

    async ics(actor: Actor, id: string, hostname: string) {
      authorizeRecord(actor, "read");
      const appointment = await load(db, actor, id);
      return renderCalendar({ name: appointment.title, appointments: [appointment], hostname });
    },

    /** Creates (or replaces, revoking the old one) the user's private feed token. Shown once. */
    async createFeed(actor: Actor) {
      const token = randomBytes(32).toString("base64url");
      const row = await repo.upsertCalendarFeed(db, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        tokenHash: hashToken(token),
      });
      return { token, createdAt: row.createdAt.toISOString() };
    },

    async revokeFeed(actor: Actor) {
      if (!(await repo.deleteCalendarFeed(db, actor.workspaceId, actor.userId))) {
        throw new AppError("calendar_feed_not_found", "There is no calendar feed to revoke.");
      }
    },

    /** The feed behind a token: the user's appointments (organised or attending) around now. */
    async feed(token: string, hostname: string) {
      const feed = await repo.findCalendarFeedByHash(db, hashToken(token));
      if (!feed) throw new AppError("calendar_feed_not_found", "No such calendar feed.");
      const [member] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, feed.workspaceId), eq(memberships.userId, feed.userId)));
      if (!member) throw new AppError("calendar_feed_not_found", "No such calendar feed.");
      const now = Date.now();
      const rows = await repo.findAppointmentsInRange(db, {
        workspaceId: feed.workspaceId,
        userId: feed.userId,
        from: new Date(now - FEED_PAST_DAYS * 86_400_000),
        to: new Date(now + FEED_FUTURE_DAYS * 86_400_000),
        limit: 5000,
      });
      const appointments = await presentMany(db, feed.workspaceId, rows);
      return renderCalendar({ name: "Kontor", appointments, hostname });
    },
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
