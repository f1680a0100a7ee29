import type { TAppointment } from "@kontor/contracts";
import ical from "ical-generator";
import { floatingOf } from "../../lib/time-zone.ts";

/**
 * Renders appointments as an iCalendar document. Single events carry UTC times; a recurring
 * event carries DTSTART with its IANA TZID so clients keep the local time across DST changes.
 */
export function renderCalendar(options: {
  name: string;
  appointments: TAppointment[];
  hostname: string;
}): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Kontor", product: "Kontor CRM", language: "EN" },
  });
  for (const appointment of options.appointments) {
    const event = calendar.createEvent({
      id: `${appointment.id}@${options.hostname}`,
      start: new Date(appointment.startsAt),
      end: new Date(appointment.endsAt),
      allDay: appointment.allDay,
      summary: appointment.title,
      description: appointment.description ?? null,
      location: appointment.location ?? null,
      sequence: appointment.version - 1,
      lastModified: new Date(appointment.updatedAt),
      created: new Date(appointment.createdAt),
    });
    if (appointment.recurrence) {
      // ical-generator writes the given parts as the zone's wall-clock time: pass "floating" dates
      event.timezone(appointment.timeZone);
      event.start(floatingOf(new Date(appointment.startsAt), appointment.timeZone));
      event.end(floatingOf(new Date(appointment.endsAt), appointment.timeZone));
      event.repeating(`RRULE:${appointment.recurrence}`);
    }
  }
  return calendar.toString();
}
