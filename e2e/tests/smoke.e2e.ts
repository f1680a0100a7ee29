import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newContext } from "../support/browser.ts";
import { type KontorServer, startKontor } from "../support/server.ts";

let server: KontorServer;
let browser: Browser;

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("serves the web app and the API reference from one process", async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const response = await page.goto(`${server.baseUrl}/`);
  expect(response?.status()).toBe(200);
  expect(await page.locator("#root").count()).toBe(1);
  const docs = await page.goto(`${server.baseUrl}/api/docs`);
  expect(docs?.status()).toBe(200);
  const spec = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
  expect(spec.openapi).toBe("3.1.0");
  expect(Object.keys(spec.paths)).toContain("/api/v1/people/{id}");
  await context.close();
});
