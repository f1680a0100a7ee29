import { ZTimeline, ZTimelineQuery } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { TimelineService } from "./timeline.service.ts";

const description =
  "Activities, tasks, appointments, comments and audit events of the record (a company's also of " +
  "its people), newest first. `types=activity,task` narrows the kinds; page with `cursor`.";

export function timelineRoutes({ timeline }: { timeline: TimelineService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/people/:id/timeline", {
      schema: {
        tags: ["People"],
        summary: "A person's timeline",
        description,
        params: ZIdParams,
        querystring: ZTimelineQuery,
        response: { 200: ZTimeline },
      },
      handler: (request) =>
        timeline.list(actorOf(request), { recordType: "person", recordId: request.params.id }, request.query),
    });

    app.get("/companies/:id/timeline", {
      schema: {
        tags: ["Companies"],
        summary: "A company's timeline, including its people's",
        description,
        params: ZIdParams,
        querystring: ZTimelineQuery,
        response: { 200: ZTimeline },
      },
      handler: (request) =>
        timeline.list(
          actorOf(request),
          { recordType: "company", recordId: request.params.id },
          request.query,
        ),
    });
  };
}
