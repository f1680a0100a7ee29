import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The error text rendered for an input (Mantine links it through aria-describedby),
 * after waiting until the input is marked invalid.
 */
export async function fieldError(page: Page, input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(/\s+/).find((id) => id.endsWith("-error"));
  expect(errorId, "the invalid input names its error text").toBeTruthy();
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? "";
}

/** Picks an option of a Mantine select by its visible name. */
export async function chooseOption(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await page.getByRole("option", { name, exact: true }).click();
}
