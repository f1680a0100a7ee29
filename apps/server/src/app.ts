import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { createActorCache } from "./auth/actor-cache.ts";
import { type Auth, createAuth, resolveAuthSecret } from "./auth/better-auth.ts";
import type { Config } from "./config/config.ts";
import type { DatabaseHandle } from "./db/client.ts";
import { registerAuthHandler } from "./http/auth-handler.ts";
import { registerAuthentication } from "./http/authenticate.ts";
import { registerIdempotency } from "./http/idempotency.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { registerProblemHandler } from "./http/problem.ts";
import { registerWebApp } from "./http/web-app.ts";
import { createTemporaryStorage, type FileStorage } from "./lib/file-storage.ts";
import { createMemoryMailer, type Mailer } from "./lib/mailer.ts";
import { activitiesRoutes } from "./modules/activities/activities.routes.ts";
import { createActivitiesService } from "./modules/activities/activities.service.ts";
import { createApiKeysService } from "./modules/api-keys/api-keys.service.ts";
import { appointmentsRoutes } from "./modules/appointments/appointments.routes.ts";
import { createAppointmentsService } from "./modules/appointments/appointments.service.ts";
import { auditRoutes, createAuditService } from "./modules/audit/audit.routes.ts";
import { commentsRoutes } from "./modules/comments/comments.routes.ts";
import { createCommentsService } from "./modules/comments/comments.service.ts";
import { companiesRoutes } from "./modules/companies/companies.routes.ts";
import { createCompaniesService } from "./modules/companies/companies.service.ts";
import { customFieldsRoutes } from "./modules/custom-fields/custom-fields.routes.ts";
import { createCustomFieldsService } from "./modules/custom-fields/custom-fields.service.ts";
import { documentsRoutes } from "./modules/documents/documents.routes.ts";
import { createDocumentsService } from "./modules/documents/documents.service.ts";
import { duplicatesRoutes } from "./modules/duplicates/duplicates.routes.ts";
import { createDuplicatesService } from "./modules/duplicates/duplicates.service.ts";
import { createMergeService } from "./modules/duplicates/merge.service.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import { createNotificationsService } from "./modules/notifications/notifications.service.ts";
import { peopleRoutes } from "./modules/people/people.routes.ts";
import { createPeopleService } from "./modules/people/people.service.ts";
import { projectsRoutes } from "./modules/projects/projects.routes.ts";
import { createProjectsService } from "./modules/projects/projects.service.ts";
import { relationsRoutes } from "./modules/relations/relations.routes.ts";
import { createRelationsService } from "./modules/relations/relations.service.ts";
import { savedViewsRoutes } from "./modules/saved-views/saved-views.routes.ts";
import { createSavedViewsService } from "./modules/saved-views/saved-views.service.ts";
import { searchRoutes } from "./modules/search/search.routes.ts";
import { createSearchService } from "./modules/search/search.service.ts";
import { segmentsRoutes } from "./modules/segments/segments.routes.ts";
import { createSegmentsService } from "./modules/segments/segments.service.ts";
import { tasksRoutes } from "./modules/tasks/tasks.routes.ts";
import { createTasksService } from "./modules/tasks/tasks.service.ts";
import { timelineRoutes } from "./modules/timeline/timeline.routes.ts";
import { createTimelineService } from "./modules/timeline/timeline.service.ts";
import { trashRoutes } from "./modules/trash/trash.routes.ts";
import { createTrashService } from "./modules/trash/trash.service.ts";
import { workspacesRoutes } from "./modules/workspaces/workspaces.routes.ts";
import { createWorkspacesService } from "./modules/workspaces/workspaces.service.ts";

export interface AppDeps {
  config: Pick<Config, "baseUrl" | "authSecret" | "logLevel" | "trustProxy">;
  database: DatabaseHandle;
  mailer?: Mailer;
  /** Where document files live; `kontor start` passes `KONTOR_DATA_DIR/files`, tests a temporary folder. */
  files?: FileStorage;
  logger?: Logger | boolean;
  /** Check every response against its zod schema (tests); off in a running server. */
  validateResponses?: boolean;
  /** Serve the built web app (off in API tests). */
  serveWebApp?: boolean;
  /**
   * How long this process trusts a verified API key and a resolved membership (default 5 s,
   * decision 0012); tests shorten it to watch another process's change arrive.
   */
  authCacheTtlMs?: number;
}

/** Every service of the app, wired with its explicit dependencies. */
export function createServices(
  database: DatabaseHandle,
  auth: Auth,
  files: FileStorage = createTemporaryStorage(),
  authCacheTtlMs?: number,
) {
  const { db } = database;
  const tasks = createTasksService({ db });
  const activities = createActivitiesService({ db, tasks });
  const appointments = createAppointmentsService({ db });
  const comments = createCommentsService({ db });
  const actors = createActorCache({ ttlMs: authCacheTtlMs });
  return {
    actors,
    tasks,
    activities,
    appointments,
    comments,
    notifications: createNotificationsService({ db }),
    documents: createDocumentsService({ db, storage: files }),
    projects: createProjectsService({ db }),
    timeline: createTimelineService({ db, activities, tasks, appointments, comments }),
    auth,
    workspaces: createWorkspacesService({ db, auth, actors }),
    apiKeys: createApiKeysService({ db, auth, ttlMs: authCacheTtlMs }),
    people: createPeopleService({ db }),
    companies: createCompaniesService({ db }),
    customFields: createCustomFieldsService({ db }),
    relations: createRelationsService({ db }),
    savedViews: createSavedViewsService({ db }),
    trash: createTrashService({ db, storage: files }),
    audit: createAuditService({ db }),
    search: createSearchService({ db }),
    segments: createSegmentsService({ db }),
    duplicates: createDuplicatesService({ db }),
    merges: createMergeService({ db }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Builds the Fastify instance with every route; used by `kontor start` and by the tests. */
export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services }> {
  const logging =
    deps.logger === undefined
      ? {
          logger: {
            level: deps.config.logLevel,
            redact: ["req.headers.authorization", "req.headers.cookie"],
          },
        }
      : deps.logger === false
        ? { logger: false }
        : deps.logger === true
          ? { logger: true }
          : { loggerInstance: deps.logger };
  const app = Fastify({
    ...logging,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  // Tests check every response against its schema; a running server trusts its presenters and
  // only serialises (the zod check of a 50-row page cost more than its SQL in the benchmark).
  app.setSerializerCompiler(
    deps.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data),
  );

  const secret = await resolveAuthSecret(deps.database.db, deps.config.authSecret);
  const mailer = deps.mailer ?? createMemoryMailer();
  const auth = createAuth({
    db: deps.database.db,
    baseUrl: deps.config.baseUrl,
    secret,
    mailer,
    log: app.log as Logger,
  });
  const services = createServices(deps.database, auth, deps.files, deps.authCacheTtlMs);

  registerProblemHandler(app);
  registerAuthentication(app, {
    db: deps.database.db,
    auth,
    workspaces: services.workspaces,
    apiKeys: services.apiKeys,
    actors: services.actors,
  });
  registerIdempotency(app, deps.database.db);
  await registerOpenApi(app);
  registerAuthHandler(app, auth, deps.config.baseUrl);

  app.get("/api/health", { config: { auth: "public" }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.database.raw.query("select 1");
      return { status: "ok" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });

  await app.register(
    async (api) => {
      await api.register(workspacesRoutes(services));
      await api.register(peopleRoutes(services));
      await api.register(activitiesRoutes(services));
      await api.register(tasksRoutes(services));
      await api.register(appointmentsRoutes(services));
      await api.register(commentsRoutes(services));
      await api.register(notificationsRoutes(services, deps.database));
      await api.register(timelineRoutes(services));
      await api.register(documentsRoutes(services));
      await api.register(projectsRoutes(services));
      await api.register(companiesRoutes(services));
      await api.register(customFieldsRoutes(services));
      await api.register(relationsRoutes(services));
      await api.register(savedViewsRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(trashRoutes(services));
      await api.register(searchRoutes(services));
      await api.register(segmentsRoutes(services));
      await api.register(duplicatesRoutes(services));
    },
    { prefix: "/api/v1" },
  );

  await registerWebApp(app, deps.serveWebApp === false ? "/nonexistent" : undefined);
  return { app, services };
}
