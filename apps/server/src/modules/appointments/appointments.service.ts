import { createHash, randomBytes } from "node:crypto";
import type { TAppointment, TAppointmentCreateRequest, TAppointmentUpdateRequest } from "@kontor/contracts";
import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { memberships } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { findTrashState } from "../records/soft-delete.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import * as repo from "./appointments.repository.ts";
import { renderCalendar } from "./appointments-ics.ts";
import {
  createOccurrenceOperations,
  excludeFromSeries,
  restoreExceptionsOfSeries,
  trashExceptionsOfSeries,
} from "./appointments-occurrences.ts";
import { expandOccurrences, findMovedStarts, shiftSeries } from "./appointments-series.ts";
import {
  assertVersion,
  auditAppointment,
  loadAppointment as load,
  presentMany,
  saveRelations,
  validateAppointment as validate,
} from "./appointments-support.ts";

const RANGE_LIMIT_DAYS = 400;
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The given appointments plus every exception of the series among them (for iCalendar). */
async function withExceptions(executor: Executor, workspaceId: string, list: TAppointment[]) {
  const have = new Set(list.map((appointment) => appointment.id));
  const seriesIds = list.filter((appointment) => appointment.recurrence).map((appointment) => appointment.id);
  const missing = (await repo.findExceptionsOfSeries(executor, workspaceId, seriesIds)).filter(
    (row) => !have.has(row.id),
  );
  return [...list, ...(await presentMany(executor, workspaceId, missing))];
}

export function createAppointmentsService({ db }: { db: Database }) {
  const occurrences = createOccurrenceOperations({
    db,
    update: (...args) => service.update(...args),
  });

  const service = {
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
      const moved = await findMovedStarts(
        db,
        actor.workspaceId,
        list.filter((appointment) => appointment.recurrence).map((appointment) => appointment.id),
      );
      const data = list.flatMap((appointment) =>
        expandOccurrences({ appointment, movedStarts: moved.get(appointment.id), from, to }),
      );
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
        await saveRelations(tx, {
          workspaceId: actor.workspaceId,
          appointmentId: row.id,
          attendees: input.attendees ?? [],
          links: input.links ?? [],
        });
        const appointment = await load(tx, actor, row.id);
        await auditAppointment(tx, actor, "create", null, appointment);
        return appointment;
      });
    },

    async update(actor: Actor, id: string, input: TAppointmentUpdateRequest, expectedVersion?: number) {
      authorizeRecord(actor, "update");
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        assertVersion(before, expectedVersion);
        const startsAt = new Date(input.startsAt ?? before.startsAt);
        const endsAt = new Date(input.endsAt ?? before.endsAt);
        await validate(tx, actor, input, { startsAt, endsAt, isException: before.seriesId !== null });
        const values: Partial<repo.AppointmentInsert> = { startsAt, endsAt };
        const sameZone = input.timeZone === undefined || input.timeZone === before.timeZone;
        if (before.recurrence && sameZone && startsAt.getTime() !== new Date(before.startsAt).getTime()) {
          // the series moves: its exclusions and exceptions move along (decision 0010)
          const shifted = await shiftSeries(tx, {
            workspaceId: actor.workspaceId,
            series: before,
            newStart: startsAt,
          });
          values.excludedStarts = shifted.excludedStarts;
          values.recurrence = shifted.recurrence;
        }
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
        await saveRelations(tx, {
          workspaceId: actor.workspaceId,
          appointmentId: id,
          attendees: input.attendees,
          links: input.links,
        });
        const after = await load(tx, actor, id);
        await auditAppointment(tx, actor, "update", before, after);
        return after;
      });
    },

    /** Moves the appointment to the trash: it leaves the calendar and the feeds until restored. */
    async remove(actor: Actor, id: string) {
      authorizeRecord(actor, "delete");
      await db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        await moveToTrash(tx, { actor, recordType: "appointment", id, notFound: "appointment_not_found" });
        // a series takes its moved occurrences along; a moved occurrence stays out of its series (EXDATE)
        if (before.recurrence) await trashExceptionsOfSeries(tx, actor, id);
        if (before.seriesId) await excludeFromSeries(tx, actor, before);
      });
    },

    /** Takes an appointment out of the trash; a series brings back the moved occurrences trashed with it. */
    async restore(actor: Actor, id: string): Promise<TAppointment> {
      authorizeRecord(actor, "delete");
      return db.transaction(async (tx) => {
        const state = await findTrashState(tx, {
          recordType: "appointment",
          workspaceId: actor.workspaceId,
          id,
        });
        await restoreFromTrash(tx, {
          actor,
          recordType: "appointment",
          id,
          notFound: "appointment_not_found",
        });
        const restored = await load(tx, actor, id);
        if (restored.recurrence && state?.deletedAt)
          await restoreExceptionsOfSeries(tx, actor, id, new Date(state.deletedAt));
        return restored;
      });
    },

    moveOccurrence: occurrences.move,
    removeOccurrence: occurrences.remove,

    async ics(actor: Actor, id: string, hostname: string) {
      authorizeRecord(actor, "read");
      const appointment = await load(db, actor, id);
      const appointments = await withExceptions(db, actor.workspaceId, [appointment]);
      return renderCalendar({ name: appointment.title, appointments, hostname });
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
      const found = await presentMany(db, feed.workspaceId, rows);
      const appointments = await withExceptions(db, feed.workspaceId, found);
      return renderCalendar({ name: "Kontor", appointments, hostname });
    },
  };
  return service;
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
