import type { TMe } from "@kontor/contracts";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { currentLanguage } from "../../lib/i18n.ts";
import { queryClient } from "../../lib/query-client.ts";
import { meQuery, useSession } from "./session-api.ts";

/**
 * Tells the server the language the web app is used in (`PATCH /me`), so what it writes to the
 * user on its own — task reminders — is in that language too.
 */
export function useLanguageSync() {
  useTranslation(); // re-renders on a language change
  const { user } = useSession();
  const language = currentLanguage();
  const stored = user?.language;
  const signedIn = user !== null;

  useEffect(() => {
    if (!signedIn || stored === language) return;
    void api
      .PATCH("/api/v1/me", { body: { language } })
      .then((result) => {
        if (result.data) queryClient.setQueryData(meQuery.queryKey, result.data as TMe);
      })
      // a preference only: the next change or page load tries again
      .catch(() => undefined);
  }, [signedIn, stored, language]);
}
