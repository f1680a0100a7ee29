import { LANGUAGES, type Language } from "@kontor/contracts";

/** The texts of a reminder notification, per language (the title is the task's own). */
const TEXTS: Record<Language, { locale: string; due: (when: string) => string }> = {
  de: { locale: "de-DE", due: (when) => `Fällig: ${when}` },
  en: { locale: "en-GB", due: (when) => `Due ${when}` },
};

/** A user's stored language, or German (the web app's fallback) when none is set. */
export function languageOf(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? "") ? (value as Language) : "de";
}

/**
 * The body of a task reminder in the recipient's language: the due date and time on the task's
 * wall clock with its zone ("Fällig: Donnerstag, 3. Dezember 2026 um 09:00 MEZ"); null without a
 * due date.
 */
export function reminderBody(options: {
  dueAt: Date | null;
  timeZone: string;
  language: string | null | undefined;
}): string | null {
  if (!options.dueAt) return null;
  const texts = TEXTS[languageOf(options.language)];
  const when = new Intl.DateTimeFormat(texts.locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: options.timeZone,
    timeZoneName: "short",
  }).format(options.dueAt);
  return texts.due(when);
}
