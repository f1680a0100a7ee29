import { ApiError } from "../../lib/problem.ts";
import { getSelectedWorkspaceId } from "../../lib/workspace-store.ts";

/**
 * fetch() for the few API calls the typed client does not cover (file bytes, event streams),
 * with the session cookie and the selected workspace, throwing ApiError on a problem.
 */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const workspaceId = getSelectedWorkspaceId();
  if (workspaceId) headers.set("X-Workspace-Id", workspaceId);
  const response = await fetch(path, { ...init, headers, credentials: "include" });
  if (!response.ok) {
    const problem = await response.json().catch(() => undefined);
    throw new ApiError(response.status, problem);
  }
  return response;
}
