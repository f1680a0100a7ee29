import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { problemMessage } from "./error-text.ts";
import i18n from "./i18n.ts";
import { isApiError } from "./problem.ts";

/** A 401 (signed out) or a 403 (the role changed meanwhile) means `/me` is out of date: fetch it again. */
function refreshSessionAfter(error: unknown) {
  if (isApiError(error) && (error.status === 401 || error.status === 403)) {
    void queryClient.invalidateQueries({ queryKey: ["me"] });
  }
}

/** Shows a problem in the UI language when the caller has no better place for it (no field errors). */
export function notifyError(error: unknown, override?: string) {
  refreshSessionAfter(error);
  const message =
    override ?? (isApiError(error) ? (problemMessage(error) ?? error.message) : i18n.t("errors.unexpected"));
  notifications.show({ color: "red", title: i18n.t("errors.title"), message });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: refreshSessionAfter }),
  mutationCache: new MutationCache({ onError: refreshSessionAfter }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});
