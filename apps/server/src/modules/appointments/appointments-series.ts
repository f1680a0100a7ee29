import type { TAppointment, TAppointmentOccurrence } from "@kontor/contracts";
import type { Executor } from "../../db/client.ts";
import {
  expandRecurrence,
  shiftRecurrenceWeekdays,
  shiftWallClock,
  wallClockDayShift,
  wallClockDelta,
} from "../../lib/recurrence.ts";
import * as repo from "./appointments.repository.ts";

// Series and their exceptions (decision 0010): a series removes the starts in `excludedStarts`
// (deleted occurrences) and the original starts of its exceptions (moved occurrences, stored
// as their own appointments with `seriesId` and `originalStartsAt`).

/**
 * The end of an occurrence of `series` that starts at `start`. An all-day series keeps its length
 * in calendar days on its zone's wall clock (a day across a DST change has 23 or 25 hours); a
 * timed one keeps its exact length, as RFC 5545 expands DTSTART/DTEND.
 */
export function occurrenceEnd(
  series: Pick<TAppointment, "startsAt" | "endsAt" | "allDay" | "timeZone">,
  start: Date,
): Date {
  const seriesStart = new Date(series.startsAt);
  const seriesEnd = new Date(series.endsAt);
  if (!series.allDay) return new Date(start.getTime() + seriesEnd.getTime() - seriesStart.getTime());
  return shiftWallClock(start, wallClockDelta(seriesStart, seriesEnd, series.timeZone), series.timeZone);
}

/** A DST change moves an all-day occurrence's end by at most this against its first one. */
const DST_MARGIN_MS = 2 * 3_600_000;

/** The occurrences of an appointment in [from, to); a series skips excluded and moved starts. */
export function expandOccurrences(options: {
  appointment: TAppointment;
  movedStarts?: ReadonlySet<number>;
  from: Date;
  to: Date;
}): TAppointmentOccurrence[] {
  const { appointment, from, to } = options;
  const start = new Date(appointment.startsAt);
  const duration = new Date(appointment.endsAt).getTime() - start.getTime();
  const base = {
    appointmentId: appointment.id,
    title: appointment.title,
    location: appointment.location,
    allDay: appointment.allDay,
    recurring: Boolean(appointment.recurrence),
    seriesId: appointment.seriesId,
    originalStartsAt: appointment.originalStartsAt,
  };
  let starts = [start];
  if (appointment.recurrence) {
    const removed = new Set([
      ...appointment.excludedStarts.map((value) => new Date(value).getTime()),
      ...(options.movedStarts ?? []),
    ]);
    starts = expandRecurrence({
      recurrence: appointment.recurrence,
      start,
      timeZone: appointment.timeZone,
      from: new Date(from.getTime() - duration - DST_MARGIN_MS),
      to,
    }).filter((occurrence) => !removed.has(occurrence.getTime()));
  }
  return starts
    .map((occurrence) => ({ start: occurrence, end: occurrenceEnd(appointment, occurrence) }))
    .filter(({ start: begins, end }) => end > from && begins < to)
    .map(({ start: begins, end }) => ({
      ...base,
      startsAt: begins.toISOString(),
      endsAt: end.toISOString(),
    }));
}

/** Original starts of the moved occurrences, per series id. */
export async function findMovedStarts(executor: Executor, workspaceId: string, seriesIds: string[]) {
  const bySeries = new Map<string, Set<number>>();
  for (const row of await repo.findExceptionsOfSeries(executor, workspaceId, seriesIds)) {
    if (!row.seriesId || !row.originalStartsAt) continue;
    const set = bySeries.get(row.seriesId) ?? new Set<number>();
    set.add(row.originalStartsAt.getTime());
    bySeries.set(row.seriesId, set);
  }
  return bySeries;
}

/**
 * Moves a whole series from `series.startsAt` to `newStart` by the wall-clock difference in the
 * series' time zone: its excluded starts and its exceptions' original starts move along, and
 * plain BYDAY weekdays follow a move to another day. Returns the series columns to update.
 */
export async function shiftSeries(
  tx: Executor,
  options: { workspaceId: string; series: TAppointment; newStart: Date },
) {
  const { series, newStart, workspaceId } = options;
  const oldStart = new Date(series.startsAt);
  const delta = wallClockDelta(oldStart, newStart, series.timeZone);
  const move = (instant: Date) => shiftWallClock(instant, delta, series.timeZone);
  const exceptions = await repo.findExceptionsOfSeries(tx, workspaceId, [series.id]);
  // one by one in the direction of the move, so no two ever share an original start
  if (delta > 0) exceptions.reverse();
  for (const exception of exceptions) {
    if (!exception.originalStartsAt) continue;
    await repo.setExceptionOriginalStart(tx, {
      workspaceId,
      id: exception.id,
      originalStartsAt: move(exception.originalStartsAt),
    });
  }
  const days = wallClockDayShift(oldStart, newStart, series.timeZone);
  return {
    excludedStarts: series.excludedStarts.map((value) => move(new Date(value))),
    recurrence: series.recurrence ? shiftRecurrenceWeekdays(series.recurrence, days) : null,
  };
}
