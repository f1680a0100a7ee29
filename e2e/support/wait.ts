import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

const TIMEOUT = 15_000;

/** Collapses runs of whitespace (including the no-break spaces Intl puts before "€") into one space. */
export function normaliseSpace(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Waits until the element is visible and its text contains `expected`; fails with the last text seen. */
export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: TIMEOUT });
  const pattern =
    typeof expected === "string" ? new RegExp(escapeRegExp(normaliseSpace(expected))) : expected;
  await expect
    .poll(async () => normaliseSpace(await locator.first().textContent()), {
      timeout: TIMEOUT,
      interval: 100,
    })
    .toMatch(pattern);
}

/** Waits until the page's path (and search, if given) matches. */
export async function expectPath(page: Page, expected: string | RegExp): Promise<void> {
  const pattern = typeof expected === "string" ? new RegExp(`^${escapeRegExp(expected)}$`) : expected;
  await page.waitForURL((url) => pattern.test(url.pathname), { timeout: TIMEOUT });
}

/** The uuid at the end of a record page's path, e.g. /people/<uuid>. */
export function recordIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
