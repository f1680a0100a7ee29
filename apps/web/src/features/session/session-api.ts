import type { TMe, TWorkspace } from "@kontor/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, authRequest } from "../../lib/api.ts";
import { isApiError, unwrap } from "../../lib/problem.ts";
import { queryClient } from "../../lib/query-client.ts";
import { getSelectedWorkspaceId, setSelectedWorkspaceId } from "../../lib/workspace-store.ts";

/** The signed-in person and their workspaces, or null when signed out. */
export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: async (): Promise<TMe | null> => {
    try {
      const me = unwrap(await api.GET("/api/v1/me")) as TMe;
      ensureWorkspaceSelected(me.workspaces);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const setupStatusQuery = queryOptions({
  queryKey: ["setup"],
  queryFn: async () => unwrap(await api.GET("/api/v1/setup")) as { needsSetup: boolean },
  staleTime: Number.POSITIVE_INFINITY,
});

function ensureWorkspaceSelected(workspaces: TWorkspace[]) {
  const selected = getSelectedWorkspaceId();
  if (workspaces.some((workspace) => workspace.id === selected)) return;
  setSelectedWorkspaceId(workspaces[0]?.id ?? null);
}

/** The signed-in session; only used below the authenticated layout, where it is always loaded. */
export function useSession() {
  const { data } = useQuery(meQuery);
  const me = data ?? null;
  const workspaceId = getSelectedWorkspaceId();
  const workspace = me?.workspaces.find((item) => item.id === workspaceId) ?? me?.workspaces[0] ?? null;
  return { me, user: me?.user ?? null, workspace, workspaces: me?.workspaces ?? [] };
}

/** Switches the workspace and drops every cached record of the old one. */
export function switchWorkspace(id: string) {
  setSelectedWorkspaceId(id);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
  void queryClient.invalidateQueries({ queryKey: ["me"] });
}

export async function signOut() {
  try {
    await authRequest("sign-out", {});
  } finally {
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, null);
  }
}
