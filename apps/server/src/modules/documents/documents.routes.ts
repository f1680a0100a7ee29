import {
  DOCUMENT_MAX_BYTES,
  ZDocument,
  ZDocumentList,
  ZDocumentUploadQuery,
  ZDocumentVersion,
  ZListQuery,
} from "@kontor/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { listRequestOf } from "../../http/list-params.ts";
import { actorOf, ZIdParams } from "../../http/request-context.ts";
import type { DocumentsService } from "./documents.service.ts";

const tags = ["Documents"];

/** `attachment; filename="Angebot.pdf"; filename*=UTF-8''Angebot.pdf` (RFC 6266 / 5987). */
function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function bodyOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new AppError("validation_failed", "Send the file's bytes as the request body.", [
      { path: "body", message: "Expected the file content", code: "file_required" },
    ]);
  }
  return body;
}

export function documentsRoutes({ documents }: { documents: DocumentsService }): FastifyPluginAsyncZod {
  const maxBytes = Number(process.env.KONTOR_MAX_UPLOAD_BYTES) || DOCUMENT_MAX_BYTES;
  return async (app) => {
    // Uploads are raw bytes of any content type; their type is decided by content, not by header.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );

    app.get("/documents", {
      schema: {
        tags,
        summary: "List documents",
        description:
          "Filters on recordType, recordId, name, contentType, size, createdAt. `q=` searches file names and the text of PDFs.",
        querystring: ZListQuery,
        response: { 200: ZDocumentList },
      },
      handler: (request) => documents.list(actorOf(request), listRequestOf(request.query)),
    });

    app.post("/documents", {
      bodyLimit: maxBytes,
      schema: {
        tags,
        summary: "Attach a file to a record or activity",
        description:
          "The request body is the file's bytes (any Content-Type, e.g. application/octet-stream). The type " +
          "is decided by the content; a name whose extension does not match it is refused with 415. " +
          `At most ${maxBytes} bytes (413 beyond).`,
        querystring: ZDocumentUploadQuery,
        response: { 201: ZDocument },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await documents.upload(actorOf(request), { ...request.query, data: bodyOf(request.body) })),
    });

    app.get("/documents/:id", {
      schema: { tags, summary: "Get a document's metadata", params: ZIdParams, response: { 200: ZDocument } },
      handler: (request) => documents.get(actorOf(request), request.params.id),
    });

    app.get("/documents/:id/versions", {
      schema: {
        tags,
        summary: "A document's versions, newest first",
        params: ZIdParams,
        response: { 200: z.object({ data: z.array(ZDocumentVersion) }) },
      },
      handler: async (request) => ({ data: await documents.versions(actorOf(request), request.params.id) }),
    });

    app.post("/documents/:id/versions", {
      bodyLimit: maxBytes,
      schema: {
        tags,
        summary: "Upload a new version of a document",
        params: ZIdParams,
        querystring: z.object({ name: z.string().trim().min(1).max(255).optional() }),
        response: { 201: ZDocument },
      },
      handler: async (request, reply) =>
        reply.status(201).send(
          await documents.addVersion(actorOf(request), request.params.id, {
            name: request.query.name,
            data: bodyOf(request.body),
          }),
        ),
    });

    app.get("/documents/:id/download", {
      schema: {
        tags,
        summary: "Download a document (current version or `?version=n`)",
        params: ZIdParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
      handler: async (request, reply) => {
        const file = await documents.content(actorOf(request), request.params.id, {
          version: request.query.version,
        });
        return reply
          .type(file.contentType)
          .header("content-disposition", contentDisposition("attachment", file.name))
          .header("x-content-type-options", "nosniff")
          .header("cache-control", "private, no-store")
          .send(file.data);
      },
    });

    app.get("/documents/:id/preview", {
      schema: { tags, summary: "Show an image or PDF inline", params: ZIdParams },
      handler: async (request, reply) => {
        const file = await documents.content(actorOf(request), request.params.id, { preview: true });
        return reply
          .type(file.contentType)
          .header("content-disposition", contentDisposition("inline", file.name))
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "default-src 'none'; img-src 'self'; object-src 'self'; sandbox")
          .header("cache-control", "private, no-store")
          .send(file.data);
      },
    });

    app.delete("/documents/:id", {
      schema: {
        tags,
        summary: "Move a document with all its versions to the trash",
        params: ZIdParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await documents.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post("/documents/:id/restore", {
      schema: {
        tags,
        summary: "Restore a document with all its versions from the trash",
        params: ZIdParams,
        response: { 200: ZDocument },
      },
      handler: (request) => documents.restore(actorOf(request), request.params.id),
    });
  };
}
