import type { TAppointment, TAppointmentUpdateRequest, TOccurrenceUpdateRequest } from "@kontor/contracts";
import type { Database, Executor } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { isOccurrenceStart, shiftWallClock, wallClockDelta } from "../../lib/recurrence.ts";
import { moveToTrash, restoreFromTrash } from "../trash/trash-moves.ts";
import * as repo from "./appointments.repository.ts";
import { occurrenceEnd } from "./appointments-series.ts";
import {
  assertVersion,
  auditAppointment,
  loadAppointment as load,
  saveRelations,
  validateAppointment as validate,
} from "./appointments-support.ts";

// One occurrence of a series, addressed by its start in the series (iCalendar RECURRENCE-ID):
// move it alone (an exception), move the whole series by it, or delete it (decision 0010).

type UpdateAppointment = (
  actor: Actor,
  id: string,
  input: TAppointmentUpdateRequest,
  expectedVersion?: number,
) => Promise<TAppointment>;

function assertOccurrence(series: TAppointment, at: Date) {
  const excluded = series.excludedStarts.some((value) => new Date(value).getTime() === at.getTime());
  const valid =
    series.recurrence !== null &&
    !excluded &&
    isOccurrenceStart({
      recurrence: series.recurrence,
      start: new Date(series.startsAt),
      timeZone: series.timeZone,
      at,
    });
  if (!valid) {
    throw new AppError(
      "occurrence_not_found",
      `The series has no occurrence starting at ${at.toISOString()}.`,
    );
  }
}

/**
 * New start and end of an occurrence: a move keeps its length (an all-day one its days on the
 * series' wall clock, across a DST change too), a resize changes only the end.
 */
function movedTimes(series: TAppointment, at: Date, input: TAppointmentUpdateRequest) {
  const startsAt = input.startsAt ? new Date(input.startsAt) : at;
  const endsAt = input.endsAt ? new Date(input.endsAt) : occurrenceEnd(series, startsAt);
  return { startsAt, endsAt };
}

async function trashRow(tx: Executor, actor: Actor, appointment: TAppointment) {
  await moveToTrash(tx, {
    actor,
    recordType: "appointment",
    id: appointment.id,
    notFound: "appointment_not_found",
  });
}

/** Adds `start` to the series' excluded starts (EXDATE), as a versioned, audited change. */
async function addExclusion(tx: Executor, actor: Actor, series: TAppointment, start: Date) {
  const excluded = series.excludedStarts.map((value) => new Date(value));
  if (excluded.some((value) => value.getTime() === start.getTime())) return;
  const row = await repo.updateAppointment(tx, {
    workspaceId: actor.workspaceId,
    id: series.id,
    expectedVersion: series.version,
    values: { excludedStarts: [...excluded, start] },
  });
  if (!row) throw new AppError("version_conflict", "The series changed meanwhile; reload and try again.");
  await auditAppointment(tx, actor, "update", series, await load(tx, actor, series.id));
}

/** A deleted exception's occurrence stays out of its series. */
export async function excludeFromSeries(tx: Executor, actor: Actor, exception: TAppointment) {
  if (!exception.seriesId || !exception.originalStartsAt) return;
  const series = await repo.findAppointmentById(tx, actor.workspaceId, exception.seriesId);
  if (!series) return;
  await addExclusion(tx, actor, await load(tx, actor, series.id), new Date(exception.originalStartsAt));
}

/** A series moved to the trash takes its live exceptions along (links and audit kept for a restore). */
export async function trashExceptionsOfSeries(tx: Executor, actor: Actor, seriesId: string) {
  for (const row of await repo.findExceptionsOfSeries(tx, actor.workspaceId, [seriesId])) {
    if (!row.deletedAt) await trashRow(tx, actor, await load(tx, actor, row.id));
  }
}

/**
 * A series taken out of the trash brings back the exceptions trashed with it or after it;
 * those deleted on their own before the series stay in the trash.
 */
export async function restoreExceptionsOfSeries(tx: Executor, actor: Actor, seriesId: string, since: Date) {
  for (const row of await repo.findExceptionsOfSeries(tx, actor.workspaceId, [seriesId])) {
    if (row.deletedAt && row.deletedAt.getTime() >= since.getTime()) {
      await restoreFromTrash(tx, {
        actor,
        recordType: "appointment",
        id: row.id,
        notFound: "appointment_not_found",
      });
    }
  }
}

export function createOccurrenceOperations({ db, update }: { db: Database; update: UpdateAppointment }) {
  async function createException(
    tx: Executor,
    actor: Actor,
    series: TAppointment,
    at: Date,
    input: TAppointmentUpdateRequest,
  ) {
    const { startsAt, endsAt } = movedTimes(series, at, input);
    await validate(tx, actor, input, { startsAt, endsAt, isException: true });
    const row = await repo.insertAppointment(tx, {
      workspaceId: actor.workspaceId,
      createdBy: actor.userId,
      title: input.title ?? series.title,
      description: input.description !== undefined ? input.description : series.description,
      location: input.location !== undefined ? input.location : series.location,
      startsAt,
      endsAt,
      allDay: input.allDay ?? series.allDay,
      timeZone: input.timeZone ?? series.timeZone,
      recurrence: null,
      seriesId: series.id,
      originalStartsAt: at,
    });
    await saveRelations(tx, {
      workspaceId: actor.workspaceId,
      appointmentId: row.id,
      attendees: input.attendees ?? series.attendees,
      links: input.links ?? series.links,
    });
    const exception = await load(tx, actor, row.id);
    await auditAppointment(tx, actor, "create", null, exception);
    return exception;
  }

  return {
    /**
     * `scope: "occurrence"`: the occurrence becomes (or updates) its exception.
     * `scope: "series"`: the series moves by the occurrence's wall-clock move, RRULE kept.
     */
    async move(
      actor: Actor,
      id: string,
      occurrenceStart: string,
      request: TOccurrenceUpdateRequest,
      expectedVersion?: number,
    ): Promise<TAppointment> {
      authorizeRecord(actor, "update");
      const { scope, ...input } = request;
      const at = new Date(occurrenceStart);
      const series = await load(db, actor, id);
      assertVersion(series, expectedVersion);
      assertOccurrence(series, at);
      if (scope === "series") {
        const moved = movedTimes(series, at, input);
        const delta = wallClockDelta(at, moved.startsAt, series.timeZone);
        const startsAt = shiftWallClock(new Date(series.startsAt), delta, series.timeZone);
        // the series takes the moved occurrence's length (an all-day one in wall-clock days)
        const endsAt = occurrenceEnd(
          {
            startsAt: moved.startsAt.toISOString(),
            endsAt: moved.endsAt.toISOString(),
            allDay: input.allDay ?? series.allDay,
            timeZone: series.timeZone,
          },
          startsAt,
        );
        return update(
          actor,
          id,
          { ...input, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
          series.version,
        );
      }
      const existing = await repo.findException(db, {
        workspaceId: actor.workspaceId,
        seriesId: id,
        originalStartsAt: at,
      });
      if (existing) return update(actor, existing.id, input);
      return db.transaction((tx) => createException(tx, actor, series, at, input));
    },

    /** Removes one occurrence: the series excludes its start, a moved copy is deleted. */
    async remove(actor: Actor, id: string, occurrenceStart: string, expectedVersion?: number) {
      authorizeRecord(actor, "delete");
      const at = new Date(occurrenceStart);
      await db.transaction(async (tx) => {
        const series = await load(tx, actor, id);
        assertVersion(series, expectedVersion);
        assertOccurrence(series, at);
        const existing = await repo.findException(tx, {
          workspaceId: actor.workspaceId,
          seriesId: id,
          originalStartsAt: at,
        });
        if (existing && !existing.deletedAt) await trashRow(tx, actor, await load(tx, actor, existing.id));
        await addExclusion(tx, actor, series, at);
      });
    },
  };
}
