import {
  ZListQuery,
  ZMilestoneInput,
  ZProject,
  ZProjectCreateRequest,
  ZProjectList,
  ZProjectUpdateRequest,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ifMatchVersion, ZIdParams } from "../../http/request-context.ts";
import type { ProjectsService } from "./projects.service.ts";

const tags = ["Projects"];

export function projectsRoutes({ projects }: { projects: ProjectsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/projects", {
      schema: {
        tags,
        summary: "List projects",
        description:
          "Filters on name, status, companyId, ownerId, startDate, deadline, createdAt. Default sort `deadline`; " +
          "a board groups the page by status. A project's tasks: `GET /tasks?filter[projectId][eq]=<id>`.",
        querystring: ZListQuery,
        response: { 200: ZProjectList },
      },
      handler: (request) => projects.list(actorOf(request), listRequestOf(request.query)),
    });

    app.post("/projects", {
      schema: { tags, summary: "Create a project", body: ZProjectCreateRequest, response: { 201: ZProject } },
      handler: async (request, reply) =>
        reply.status(201).send(await projects.create(actorOf(request), request.body)),
    });

    app.get("/projects/:id", {
      schema: { tags, summary: "Get a project", params: ZIdParams, response: { 200: ZProject } },
      handler: async (request, reply) => {
        const project = await projects.get(actorOf(request), request.params.id);
        return reply.header("etag", `"${project.version}"`).send(project);
      },
    });

    app.patch("/projects/:id", {
      schema: {
        tags,
        summary: "Update a project",
        description: "Send `If-Match: <version>`; a stale version gets 412 and changes nothing.",
        params: ZIdParams,
        body: ZProjectUpdateRequest,
        response: { 200: ZProject },
      },
      handler: async (request, reply) => {
        const project = await projects.update(
          actorOf(request),
          request.params.id,
          request.body,
          ifMatchVersion(request),
        );
        return reply.header("etag", `"${project.version}"`).send(project);
      },
    });

    app.put("/projects/:id/milestones", {
      schema: {
        tags,
        summary: "Replace a project's milestones",
        description:
          "The list has its own version, `milestonesVersion` (the project's `version` stays, so a " +
          "details edit is never made stale by milestones). Send `If-Match: <milestonesVersion>`; a " +
          "stale one gets 412 and changes nothing. The response's ETag is the new `milestonesVersion`; " +
          "the same list again writes nothing.",
        params: ZIdParams,
        body: z.strictObject({ milestones: z.array(ZMilestoneInput).max(100) }),
        response: { 200: ZProject },
      },
      handler: async (request, reply) => {
        const project = await projects.replaceMilestones(
          actorOf(request),
          request.params.id,
          request.body.milestones,
          ifMatchVersion(request),
        );
        return reply.header("etag", `"${project.milestonesVersion}"`).send(project);
      },
    });

    app.delete("/projects/:id", {
      schema: {
        tags,
        summary: "Move a project to the trash (its tasks stay; a purge unassigns them)",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await projects.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/projects/:id/restore", {
      schema: {
        tags,
        summary: "Restore a project from the trash",
        params: ZIdParams,
        response: { 200: ZProject },
      },
      handler: (request) => projects.restore(actorOf(request), request.params.id),
    });
  };
}
