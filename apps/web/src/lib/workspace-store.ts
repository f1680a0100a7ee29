const STORAGE_KEY = "kontor.workspaceId";

/** The workspace the person works in; sent as `X-Workspace-Id` with every /api/v1 call. */
export function getSelectedWorkspaceId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setSelectedWorkspaceId(id: string | null): void {
  try {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the server falls back to the first workspace.
  }
}
