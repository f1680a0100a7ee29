import { z } from "zod";
import { ZRecordLink, ZRecordLinks } from "./activities.ts";
import { ZLongText, ZRecordMeta, ZShortText } from "./common.ts";
import { ZRecurrence, ZTimeZone } from "./tasks.ts";

export const ZAttendee = z.object({ type: z.enum(["user", "person"]), id: z.uuid() });
export type TAttendee = z.infer<typeof ZAttendee>;

const appointmentFields = {
  title: ZShortText.min(1),
  description: ZLongText.nullish(),
  location: ZShortText.nullish(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  allDay: z.boolean(),
  timeZone: ZTimeZone,
  recurrence: ZRecurrence.nullish(),
  attendees: z.array(ZAttendee).max(100),
  links: ZRecordLinks,
};

export const ZAppointmentCreateRequest = z.strictObject({
  ...appointmentFields,
  allDay: appointmentFields.allDay.optional(),
  timeZone: appointmentFields.timeZone.optional(),
  attendees: appointmentFields.attendees.optional(),
  links: appointmentFields.links.optional(),
});
export type TAppointmentCreateRequest = z.infer<typeof ZAppointmentCreateRequest>;
export const ZAppointmentUpdateRequest = z.strictObject(appointmentFields).partial();
export type TAppointmentUpdateRequest = z.infer<typeof ZAppointmentUpdateRequest>;

export const ZAppointment = ZRecordMeta.extend({
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  allDay: z.boolean(),
  timeZone: z.string(),
  recurrence: z.string().nullable(),
  attendees: z.array(ZAttendee),
  links: z.array(ZRecordLink),
});
export type TAppointment = z.infer<typeof ZAppointment>;

/** One occurrence of an appointment inside a requested range (recurring ones expanded). */
export const ZAppointmentOccurrence = z.object({
  appointmentId: z.uuid(),
  title: z.string(),
  location: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  allDay: z.boolean(),
  recurring: z.boolean(),
});
export type TAppointmentOccurrence = z.infer<typeof ZAppointmentOccurrence>;

export const ZAppointmentRangeQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

export const ZCalendarFeed = z.object({ url: z.string(), createdAt: z.iso.datetime() });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;
