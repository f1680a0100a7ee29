import { ZAuditEntry } from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { actorOf } from "../../http/request-context.ts";
import { listAuditEntries } from "./audit.repository.ts";

export function createAuditService({ db }: { db: Database }) {
  return {
    async list(
      actor: { workspaceId: string },
      options: { recordId: string; limit: number; cursor?: string | undefined },
    ) {
      const rows = await listAuditEntries(db, {
        workspaceId: actor.workspaceId,
        recordId: options.recordId,
        limit: options.limit,
        beforeId: options.cursor,
      });
      const page = rows.slice(0, options.limit);
      return {
        data: page.map(({ entry, actorName }) => ({
          id: entry.id,
          recordType: entry.recordType,
          recordId: entry.recordId,
          action: entry.action as never,
          actorId: entry.actorId,
          actorName,
          changes: entry.changes,
          createdAt: entry.createdAt.toISOString(),
        })),
        nextCursor: rows.length > options.limit ? (page.at(-1)?.entry.id ?? null) : null,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export function auditRoutes({ audit }: { audit: AuditService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/audit-log", {
      schema: {
        tags: ["Audit"],
        summary: "Who changed what when, newest first",
        querystring: z.object({
          recordId: z.uuid(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
        }),
        response: { 200: z.object({ data: z.array(ZAuditEntry), nextCursor: z.string().nullable() }) },
      },
      handler: (request) => audit.list(actorOf(request), request.query),
    });
  };
}
