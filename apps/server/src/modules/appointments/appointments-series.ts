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
      from: new Date(from.getTime() - duration),
      to,
    }).filter((occurrence) => !removed.has(occurrence.getTime()));
  }
  return starts
    .filter((occurrence) => occurrence.getTime() + duration > from.getTime() && occurrence < to)
    .map((occurrence) => ({
      ...base,
      startsAt: occurrence.toISOString(),
      endsAt: new Date(occurrence.getTime() + duration).toISOString(),
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
