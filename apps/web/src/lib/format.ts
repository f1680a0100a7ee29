import { currentLanguage } from "./i18n.ts";

function locale(): string {
  return currentLanguage() === "en" ? "en-GB" : "de-DE";
}

/**
 * Formats a date or a timestamp as a date. A date-only value ("1984-02-29", e.g. a birthday) is a calendar
 * day, not a moment: it is read as UTC midnight and formatted in UTC, so nobody west of UTC sees the day before.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: "medium",
    ...(dateOnly ? { timeZone: "UTC" } : {}),
  }).format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(value),
  );
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(locale()).format(value);
}

/** Formats a decimal-string amount, e.g. ("1234.5", "EUR") -> "1.234,50 €" in German. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !currency) return "";
  const value = Number(amount);
  if (Number.isNaN(value)) return `${amount} ${currency}`;
  return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(value);
}
