import {
  ZListQuery,
  ZMyTasks,
  ZSnoozeRequest,
  ZTask,
  ZTaskCreateRequest,
  ZTaskList,
  ZTaskUpdateRequest,
  ZTimeZone,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ifMatchVersion, ZIdParams } from "../../http/request-context.ts";
import type { TasksService } from "./tasks.service.ts";

const tags = ["Tasks"];

export function tasksRoutes({ tasks }: { tasks: TasksService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/tasks", {
      schema: {
        tags,
        summary: "List tasks",
        description:
          "Filters on title, status, priority, assigneeId, projectId, activityId, dueAt, reminderAt, createdAt; " +
          "`recordId=<uuid>` keeps tasks linked to that person or company. Default sort `dueAt`.",
        querystring: ZListQuery,
        response: { 200: ZTaskList },
      },
      handler: (request) => tasks.list(actorOf(request), listRequestOf(request.query)),
    });

    app.get("/tasks/mine", {
      schema: {
        tags,
        summary: "My open tasks: overdue, today, upcoming",
        querystring: z.object({ timeZone: ZTimeZone.default("Europe/Berlin") }),
        response: { 200: ZMyTasks },
      },
      handler: (request) => tasks.mine(actorOf(request), { timeZone: request.query.timeZone }),
    });

    app.post("/tasks", {
      schema: {
        tags,
        summary: "Create a task or follow-up",
        body: ZTaskCreateRequest,
        response: { 201: ZTask },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await tasks.create(actorOf(request), request.body)),
    });

    app.get("/tasks/:id", {
      schema: { tags, summary: "Get a task", params: ZIdParams, response: { 200: ZTask } },
      handler: async (request, reply) => {
        const task = await tasks.get(actorOf(request), request.params.id);
        return reply.header("etag", `"${task.version}"`).send(task);
      },
    });

    app.patch("/tasks/:id", {
      schema: {
        tags,
        summary: "Update a task",
        description: "Setting `status: done` on a recurring task creates its next occurrence.",
        params: ZIdParams,
        body: ZTaskUpdateRequest,
        response: { 200: ZTask },
      },
      handler: async (request, reply) => {
        const task = await tasks.update(
          actorOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        );
        return reply.header("etag", `"${task.version}"`).send(task);
      },
    });

    app.post("/tasks/:id/complete", {
      schema: { tags, summary: "Mark a task done", params: ZIdParams, response: { 200: ZTask } },
      handler: (request) => tasks.complete(actorOf(request), request.params.id),
    });

    app.post("/tasks/:id/snooze", {
      schema: {
        tags,
        summary: "Remind me again (at `until`, or in `minutes`, default 60)",
        params: ZIdParams,
        body: ZSnoozeRequest,
        response: { 200: ZTask },
      },
      handler: (request) => tasks.snooze(actorOf(request), request.params.id, request.body),
    });

    app.delete("/tasks/:id", {
      schema: { tags, summary: "Move a task to the trash", params: ZIdParams, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await tasks.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/tasks/:id/restore", {
      schema: { tags, summary: "Restore a task from the trash", params: ZIdParams, response: { 200: ZTask } },
      handler: (request) => tasks.restore(actorOf(request), request.params.id),
    });
  };
}
