import type {
  TAppointment,
  TAppointmentCreateRequest,
  TAppointmentOccurrence,
  TAppointmentUpdateRequest,
  TOccurrenceUpdateRequest,
} from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { rawFetch } from "../activities/raw-fetch.ts";

export async function fetchOccurrences(from: Date, to: Date): Promise<TAppointmentOccurrence[]> {
  const result = await api.GET("/api/v1/appointments", {
    params: { query: { from: from.toISOString(), to: to.toISOString() } as never },
  });
  return (unwrap(result) as { data: TAppointmentOccurrence[] }).data;
}

export async function getAppointment(id: string): Promise<TAppointment> {
  return unwrap(await api.GET("/api/v1/appointments/{id}", { params: { path: { id } } })) as TAppointment;
}

export async function createAppointment(body: TAppointmentCreateRequest): Promise<TAppointment> {
  return unwrap(await api.POST("/api/v1/appointments", { body })) as TAppointment;
}

/** PATCH with `If-Match` when a version is given: a stale one fails with 412 and writes nothing. */
export async function updateAppointment(
  id: string,
  body: TAppointmentUpdateRequest,
  version?: number,
): Promise<TAppointment> {
  return unwrap(
    await api.PATCH("/api/v1/appointments/{id}", {
      params: { path: { id } },
      body,
      ...(version !== undefined ? { headers: { "If-Match": String(version) } } : {}),
    }),
  ) as TAppointment;
}

/** Changes one occurrence of a series (addressed by its start in the series) or the whole series. */
export async function updateOccurrence(
  seriesId: string,
  occurrenceStart: string,
  body: TOccurrenceUpdateRequest,
): Promise<TAppointment> {
  return unwrap(
    await api.PATCH("/api/v1/appointments/{id}/occurrences/{occurrenceStart}", {
      params: { path: { id: seriesId, occurrenceStart } },
      body,
    }),
  ) as TAppointment;
}

export async function deleteOccurrence(seriesId: string, occurrenceStart: string): Promise<void> {
  unwrap(
    await api.DELETE("/api/v1/appointments/{id}/occurrences/{occurrenceStart}", {
      params: { path: { id: seriesId, occurrenceStart } },
    }),
  );
}

export async function deleteAppointment(id: string): Promise<void> {
  unwrap(await api.DELETE("/api/v1/appointments/{id}", { params: { path: { id } } }));
}

/** Downloads one appointment (a series with its exceptions) as an .ics file. */
export async function downloadIcs(id: string): Promise<void> {
  const response = await rawFetch(`/api/v1/appointments/${id}/ics`);
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement("a"), { href: url, download: `appointment-${id}.ics` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function createFeed(): Promise<{ url: string }> {
  return unwrap(await api.POST("/api/v1/calendar-feed")) as { url: string };
}

export async function revokeFeed(): Promise<void> {
  unwrap(await api.DELETE("/api/v1/calendar-feed"));
}
