import {
  ZAppointment,
  ZAppointmentCreateRequest,
  ZAppointmentOccurrence,
  ZAppointmentRangeQuery,
  ZAppointmentUpdateRequest,
  ZCalendarFeed,
  ZOccurrenceParams,
  ZOccurrenceUpdateRequest,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, ifMatchVersion, ZIdParams } from "../../http/request-context.ts";
import type { AppointmentsService } from "./appointments.service.ts";

const tags = ["Appointments"];
const ICS = "text/calendar; charset=utf-8";

export function appointmentsRoutes({
  appointments,
}: {
  appointments: AppointmentsService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/appointments", {
      schema: {
        tags,
        summary: "Appointment occurrences in a time range (recurring ones expanded)",
        querystring: ZAppointmentRangeQuery.extend({
          mine: z
            .enum(["true", "false"])
            .optional()
            .transform((value) => value === "true"),
        }),
        response: { 200: z.object({ data: z.array(ZAppointmentOccurrence) }) },
      },
      handler: (request) => appointments.range(actorOf(request), request.query),
    });

    app.post("/appointments", {
      schema: {
        tags,
        summary: "Create an appointment",
        body: ZAppointmentCreateRequest,
        response: { 201: ZAppointment },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await appointments.create(actorOf(request), request.body)),
    });

    app.get("/appointments/:id", {
      schema: { tags, summary: "Get an appointment", params: ZIdParams, response: { 200: ZAppointment } },
      handler: (request) => appointments.get(actorOf(request), request.params.id),
    });

    app.patch("/appointments/:id", {
      schema: {
        tags,
        summary: "Update (move, resize) an appointment",
        params: ZIdParams,
        body: ZAppointmentUpdateRequest,
        response: { 200: ZAppointment },
      },
      handler: (request) =>
        appointments.update(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
    });

    app.delete("/appointments/:id", {
      schema: {
        tags,
        summary: "Move an appointment to the trash",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await appointments.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.patch("/appointments/:id/occurrences/:occurrenceStart", {
      schema: {
        tags,
        summary: "Move or change one occurrence of a series, or the whole series through it",
        description:
          "The occurrence is addressed by its start in the series (RECURRENCE-ID). " +
          '`scope: "occurrence"` stores it as an exception: it leaves the series and a copy with ' +
          "`seriesId` and `originalStartsAt` holds the change (changed again on a repeat). " +
          '`scope: "series"` moves the whole series by the same wall-clock difference in its time ' +
          "zone (RRULE kept; plain BYDAY weekdays follow a move to another day). If-Match: the " +
          "series' version.",
        params: ZOccurrenceParams,
        body: ZOccurrenceUpdateRequest,
        response: { 200: ZAppointment },
      },
      handler: (request) =>
        appointments.moveOccurrence(
          actorOf(request),
          request.params.id,
          request.params.occurrenceStart,
          request.body,
          ifMatchVersion(request),
        ),
    });

    app.delete("/appointments/:id/occurrences/:occurrenceStart", {
      schema: {
        tags,
        summary: "Delete one occurrence of a series (EXDATE)",
        params: ZOccurrenceParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await appointments.removeOccurrence(
          actorOf(request),
          request.params.id,
          request.params.occurrenceStart,
          ifMatchVersion(request),
        );
        return reply.status(204).send(null);
      },
    });

    app.post("/appointments/:id/restore", {
      schema: {
        tags,
        summary: "Restore an appointment from the trash",
        params: ZIdParams,
        response: { 200: ZAppointment },
      },
      handler: (request) => appointments.restore(actorOf(request), request.params.id),
    });

    app.get("/appointments/:id/ics", {
      schema: {
        tags,
        summary: "One appointment as an .ics file",
        params: ZIdParams,
        produces: ["text/calendar"],
      },
      handler: async (request, reply) => {
        const body = await appointments.ics(actorOf(request), request.params.id, request.hostname);
        return reply
          .type(ICS)
          .header("content-disposition", `attachment; filename="appointment-${request.params.id}.ics"`)
          .send(body);
      },
    });

    app.post("/calendar-feed", {
      schema: {
        tags,
        summary: "Create my private iCalendar feed URL (replaces and revokes an older one)",
        response: { 201: ZCalendarFeed },
      },
      handler: async (request, reply) => {
        const feed = await appointments.createFeed(actorOf(request));
        const url = `${request.protocol}://${request.host}/api/v1/calendar-feeds/${feed.token}/calendar.ics`;
        return reply.status(201).send({ url, createdAt: feed.createdAt });
      },
    });

    app.delete("/calendar-feed", {
      schema: { tags, summary: "Revoke my iCalendar feed URL", response: { 204: z.null() } },
      handler: async (request, reply) => {
        await appointments.revokeFeed(actorOf(request));
        return reply.status(204).send(null);
      },
    });

    app.get("/calendar-feeds/:token/calendar.ics", {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "A private iCalendar feed (the token in the URL is the credential)",
        params: z.object({ token: z.string().min(20).max(200) }),
        produces: ["text/calendar"],
      },
      handler: async (request, reply) => {
        const body = await appointments.feed(request.params.token, request.hostname);
        return reply.type(ICS).header("cache-control", "private, max-age=300").send(body);
      },
    });
  };
}
