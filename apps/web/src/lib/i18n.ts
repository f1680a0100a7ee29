import { LANGUAGES, type Language } from "@kontor/contracts";
import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import authDe from "../locales/de/auth.json";
import commonDe from "../locales/de/common.json";
import recordsDe from "../locales/de/records.json";
import settingsDe from "../locales/de/settings.json";
import authEn from "../locales/en/auth.json";
import commonEn from "../locales/en/common.json";
import recordsEn from "../locales/en/records.json";
import settingsEn from "../locales/en/settings.json";

export { LANGUAGES, type Language };

export const resources = {
  de: { common: commonDe, auth: authDe, records: recordsDe, settings: settingsDe },
  en: { common: commonEn, auth: authEn, records: recordsEn, settings: settingsEn },
} as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    fallbackLng: "de",
    defaultNS: "common",
    ns: ["common", "auth", "records", "settings"],
    interpolation: { escapeValue: false },
    detection: {
      order: ["localStorage", "navigator"],
      lookupLocalStorage: "kontor.language",
      caches: ["localStorage"],
    },
  });

function syncDocumentLanguage(language: string) {
  document.documentElement.lang = language.startsWith("en") ? "en" : "de";
}
syncDocumentLanguage(i18n.language ?? "de");
i18n.on("languageChanged", syncDocumentLanguage);

/** The active UI language, reduced to one Kontor supports. */
export function currentLanguage(): Language {
  return i18n.language?.startsWith("en") ? "en" : "de";
}

export default i18n;
