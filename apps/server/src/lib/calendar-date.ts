/**
 * True for a real calendar day written as YYYY-MM-DD. `Date.parse` alone accepts "2024-02-30"
 * (it rolls over to March 1st), which PostgreSQL refuses to cast to date.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith("0000")) {
    return false;
  }
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
