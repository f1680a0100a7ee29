import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./api.gen.ts";
import { ApiError } from "./problem.ts";
import { getSelectedWorkspaceId } from "./workspace-store.ts";

const workspaceHeader: Middleware = {
  onRequest({ request }) {
    const workspaceId = getSelectedWorkspaceId();
    if (workspaceId && new URL(request.url).pathname.startsWith("/api/v1/")) {
      request.headers.set("X-Workspace-Id", workspaceId);
    }
    return request;
  },
};

/** The typed client of Kontor's public API; the web app uses nothing else. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "include" });
api.use(workspaceHeader);

/** Calls a better-auth endpoint under /api/auth (not part of the OpenAPI spec). */
export async function authRequest(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`/api/auth/${path}`, {
    method: "POST",
    credentials: "include",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const payload = (data ?? {}) as { code?: string; message?: string; detail?: string };
    throw new ApiError(response.status, {
      code: (payload.code?.toLowerCase() as never) ?? "internal_error",
      detail: payload.detail ?? payload.message,
    });
  }
  return data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
