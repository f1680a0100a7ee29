import type { TAppointment, TAppointmentCreateRequest, TAppointmentOccurrence } from "@kontor/contracts";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";

export async function fetchOccurrences(from: Date, to: Date): Promise<TAppointmentOccurrence[]> {
  const result = await api.GET("/api/v1/appointments", {
    params: { query: { from: from.toISOString(), to: to.toISOString() } as never },
  });
  return (unwrap(result) as { data: TAppointmentOccurrence[] }).data;
}

export async function createAppointment(body: TAppointmentCreateRequest): Promise<TAppointment> {
  return unwrap(await api.POST("/api/v1/appointments", { body })) as TAppointment;
}

export async function moveAppointment(id: string, startsAt: Date, endsAt: Date): Promise<TAppointment> {
  return unwrap(
    await api.PATCH("/api/v1/appointments/{id}", {
      params: { path: { id } },
      body: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    }),
  ) as TAppointment;
}

export async function createFeed(): Promise<{ url: string }> {
  return unwrap(await api.POST("/api/v1/calendar-feed")) as { url: string };
}

export async function revokeFeed(): Promise<void> {
  unwrap(await api.DELETE("/api/v1/calendar-feed"));
}

export async function deleteAppointment(id: string): Promise<void> {
  unwrap(await api.DELETE("/api/v1/appointments/{id}", { params: { path: { id } } }));
}
