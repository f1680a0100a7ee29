import { and, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { appointmentAttendees, appointments, calendarFeeds } from "../../db/schema/index.ts";

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentInsert = typeof appointments.$inferInsert;
export type AttendeeRow = typeof appointmentAttendees.$inferSelect;

const scoped = (workspaceId: string, id: string) =>
  and(eq(appointments.workspaceId, workspaceId), eq(appointments.id, id));
/** Appointments in the trash are left out of every read, the calendar and the feeds. */
const live = isNull(appointments.deletedAt);

export async function insertAppointment(db: Executor, values: AppointmentInsert) {
  const [row] = await db.insert(appointments).values(values).returning();
  return row!;
}

export async function findAppointmentById(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(scoped(workspaceId, id), live));
  return row;
}

export function findAppointmentsByIds(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.workspaceId, workspaceId), inArray(appointments.id, ids), live));
}

export async function updateAppointment(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number; values: Partial<AppointmentInsert> },
) {
  const [row] = await db
    .update(appointments)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${appointments.version} + 1` })
    .where(
      and(scoped(options.workspaceId, options.id), live, eq(appointments.version, options.expectedVersion)),
    )
    .returning();
  return row;
}

/** Single appointments overlapping [from, to) and every recurring one that starts before `to`. */
export function findAppointmentsInRange(
  db: Executor,
  options: { workspaceId: string; from: Date; to: Date; userId?: string; limit: number },
) {
  const conditions = [
    eq(appointments.workspaceId, options.workspaceId),
    live,
    lt(appointments.startsAt, options.to),
    or(isNotNull(appointments.recurrence), gt(appointments.endsAt, options.from)),
  ];
  if (options.userId) {
    conditions.push(
      or(
        eq(appointments.createdBy, options.userId),
        sql`EXISTS (SELECT 1 FROM ${appointmentAttendees} aa WHERE aa.appointment_id = ${appointments.id}
          AND aa.attendee_type = 'user' AND aa.attendee_id = ${options.userId})`,
      ),
    );
  }
  return db
    .select()
    .from(appointments)
    .where(and(...conditions))
    .orderBy(appointments.startsAt, appointments.id)
    .limit(options.limit);
}

export async function replaceAttendees(
  db: Executor,
  options: { workspaceId: string; appointmentId: string; attendees: { type: string; id: string }[] },
) {
  await db
    .delete(appointmentAttendees)
    .where(
      and(
        eq(appointmentAttendees.workspaceId, options.workspaceId),
        eq(appointmentAttendees.appointmentId, options.appointmentId),
      ),
    );
  const unique = new Map(options.attendees.map((attendee) => [`${attendee.type}:${attendee.id}`, attendee]));
  if (unique.size === 0) return;
  await db.insert(appointmentAttendees).values(
    [...unique.values()].map((attendee) => ({
      workspaceId: options.workspaceId,
      appointmentId: options.appointmentId,
      attendeeType: attendee.type,
      attendeeId: attendee.id,
    })),
  );
}

export function findAttendees(db: Executor, workspaceId: string, appointmentIds: string[]) {
  if (appointmentIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(appointmentAttendees)
    .where(
      and(
        eq(appointmentAttendees.workspaceId, workspaceId),
        inArray(appointmentAttendees.appointmentId, appointmentIds),
      ),
    );
}

export async function upsertCalendarFeed(
  db: Executor,
  options: { workspaceId: string; userId: string; tokenHash: string },
) {
  const [row] = await db
    .insert(calendarFeeds)
    .values(options)
    .onConflictDoUpdate({
      target: [calendarFeeds.workspaceId, calendarFeeds.userId],
      set: { tokenHash: options.tokenHash, createdAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteCalendarFeed(db: Executor, workspaceId: string, userId: string) {
  const rows = await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.userId, userId)))
    .returning();
  return rows.length > 0;
}

export async function findCalendarFeedByHash(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}

/**
 * The exceptions (moved occurrences) of the given series. Their original starts leave the
 * series' expansion wherever the moved copies now are.
 */
export function findExceptionsOfSeries(db: Executor, workspaceId: string, seriesIds: string[]) {
  if (seriesIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.workspaceId, workspaceId), inArray(appointments.seriesId, seriesIds)))
    .orderBy(appointments.originalStartsAt);
}

export async function findException(
  db: Executor,
  options: { workspaceId: string; seriesId: string; originalStartsAt: Date },
) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.workspaceId, options.workspaceId),
        eq(appointments.seriesId, options.seriesId),
        eq(appointments.originalStartsAt, options.originalStartsAt),
      ),
    );
  return row;
}

/** Moves the original starts of a series' exceptions along with the series (see shiftSeries). */
export async function setExceptionOriginalStart(
  db: Executor,
  options: { workspaceId: string; id: string; originalStartsAt: Date },
) {
  await db
    .update(appointments)
    .set({ originalStartsAt: options.originalStartsAt, updatedAt: new Date() })
    .where(scoped(options.workspaceId, options.id));
}
