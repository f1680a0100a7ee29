import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, seriousAxeViolations } from "../support/browser.ts";
import { chooseOption } from "../support/forms.ts";
import { uiText } from "../support/locales.ts";
import { type KontorServer, startKontor } from "../support/server.ts";
import { type ApiPerson, callApi, setupFirstAdmin, signInContext, statusOf } from "../support/session.ts";
import { expectText } from "../support/wait.ts";

// The trash for every kind of record: undo a delete from its notification, restore a task from
// the trash page, the trash page in German, English and on a phone, and a task that can only
// come back after its project.
let server: KontorServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let person: ApiPerson;

interface Created {
  id: string;
}

const text = (namespace: string, key: string, language: "de" | "en" = "en") =>
  uiText(language, namespace, key);
const api = <T = Created>(request: Parameters<typeof callApi>[2]) =>
  callApi<T>(context, server.baseUrl, request);

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
  await setupFirstAdmin(server.baseUrl);
  context = await newContext(browser, { locale: "en-US", timezoneId: "Europe/Berlin" });
  await signInContext(context, server.baseUrl);
  person = await api<ApiPerson>({
    method: "POST",
    path: "/api/v1/people",
    body: { firstName: "Jana", lastName: "Krüger" },
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the trash", () => {
  it("deletes a note from a person's timeline and undoes it from the notification", async () => {
    const note = await api({
      method: "POST",
      path: "/api/v1/activities",
      body: {
        type: "note",
        subject: "Rückruf vereinbart",
        links: [{ recordType: "person", recordId: person.id }],
      },
    });
    await page.goto(`${server.baseUrl}/people/${person.id}`);
    const item = page.getByTestId(`timeline-item-${note.id}`);
    await expectText(item, "Rückruf vereinbart");
    await page.getByTestId(`activity-menu-${note.id}`).click();
    await page.getByRole("menuitem", { name: text("activities", "deleteActivity") }).click();
    await item.waitFor({ state: "detached" });

    const notification = page.getByTestId("trash-notification");
    await expectText(notification, text("records", "trash.moved").replace("{{name}}", "Rückruf vereinbart"));
    await screenshot(page, "trash-undo-notification");
    expect(await statusOf(context, server.baseUrl, `/api/v1/activities/${note.id}`)).toBe(404);

    await notification.getByTestId("trash-undo").click();
    await expectText(item, "Rückruf vereinbart");
    expect(await statusOf(context, server.baseUrl, `/api/v1/activities/${note.id}`)).toBe(200);
  });

  it("restores a deleted task from the trash page and shows it in My tasks again", async () => {
    const task = await api({
      method: "POST",
      path: "/api/v1/tasks",
      body: { title: "Angebot nachfassen", dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    });
    await page.goto(`${server.baseUrl}/tasks`);
    await expectText(page.getByTestId(`task-${task.id}`), "Angebot nachfassen");
    // the task form with its delete button is built elsewhere; the delete itself is the API's
    await api({ method: "DELETE", path: `/api/v1/tasks/${task.id}` });
    await page.reload();
    await page.getByTestId("my-tasks-upcoming").waitFor();
    expect(await page.getByTestId(`task-${task.id}`).count()).toBe(0);

    await page.goto(`${server.baseUrl}/trash`);
    const row = page.getByTestId(`trash-row-${task.id}`);
    await expectText(row, "Angebot nachfassen");
    await expectText(row, text("records", "trash.types.task"));
    await chooseOption(page, page.getByTestId("trash-filter"), text("records", "trash.types.task"));
    await expect.poll(() => page.locator('[data-testid^="trash-row-"]').count()).toBe(1);
    await page.getByTestId(`restore-${task.id}`).click();
    await row.waitFor({ state: "detached" });
    const restored = text("records", "trash.restored").replace("{{name}}", "Angebot nachfassen");
    await page.getByText(restored).waitFor();

    await page.goto(`${server.baseUrl}/tasks`);
    await expectText(page.getByTestId(`task-${task.id}`), "Angebot nachfassen");
  });

  it("shows every kind in the trash in German, English and on a phone", async () => {
    const onPerson = { recordType: "person", recordId: person.id };
    const startsAt = new Date(Date.now() + 86_400_000);
    const deleted = [
      await api({ method: "POST", path: "/api/v1/companies", body: { name: "Hanse Logistik GmbH" } }).then(
        (company) => `/api/v1/companies/${company.id}`,
      ),
      await api({ method: "POST", path: "/api/v1/projects", body: { name: "Lager Hamburg" } }).then(
        (project) => `/api/v1/projects/${project.id}`,
      ),
      await api({
        method: "POST",
        path: "/api/v1/appointments",
        body: {
          title: "Jahresgespräch",
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        },
      }).then((appointment) => `/api/v1/appointments/${appointment.id}`),
      await api({ method: "POST", path: "/api/v1/tasks", body: { title: "Lieferschein prüfen" } }).then(
        (task) => `/api/v1/tasks/${task.id}`,
      ),
      await api({
        method: "POST",
        path: "/api/v1/comments",
        body: { ...onPerson, body: "Bitte vor Freitag zurückrufen, sie ist ab Montag im Urlaub." },
      }).then((comment) => `/api/v1/comments/${comment.id}`),
    ];
    for (const path of deleted) await api({ method: "DELETE", path });

    await page.goto(`${server.baseUrl}/trash`);
    await expectText(page.getByTestId("trash-list"), "Jahresgespräch");
    await screenshot(page, "trash-en");
    expect(await seriousAxeViolations(page)).toEqual([]);

    for (const [name, options] of [
      ["trash-de", { locale: "de-DE" }],
      ["trash-phone", { locale: "de-DE", phone: true }],
    ] as const) {
      const other = await newContext(browser, options);
      await signInContext(other, server.baseUrl);
      const otherPage = await other.newPage();
      await otherPage.goto(`${server.baseUrl}/trash`);
      await expectText(otherPage.getByTestId("trash-list"), text("records", "trash.types.appointment", "de"));
      await screenshot(otherPage, name);
      await other.close();
    }
  });

  it("names the project to restore first when a task of a trashed project is restored, and restores it", async () => {
    const project = await api({
      method: "POST",
      path: "/api/v1/projects",
      body: { name: "Umzug Lager Bremen" },
    });
    const task = await api({
      method: "POST",
      path: "/api/v1/tasks",
      body: { title: "Kisten packen", projectId: project.id },
    });
    await api({ method: "DELETE", path: `/api/v1/tasks/${task.id}` });
    await api({ method: "DELETE", path: `/api/v1/projects/${project.id}` });
    const restoreFirst = (language: "de" | "en") =>
      text("records", "trash.parentFirst.project", language).replace("{{name}}", "Umzug Lager Bremen");

    await page.goto(`${server.baseUrl}/trash`);
    const taskRow = page.getByTestId(`trash-row-${task.id}`);
    const projectRow = page.getByTestId(`trash-row-${project.id}`);
    await expectText(taskRow, "Kisten packen");
    await page.getByTestId(`restore-${task.id}`).click();
    const alert = page.getByTestId("trash-parent-in-trash");
    await expectText(alert, restoreFirst("en"));
    await expectText(alert, text("records", "trash.parentFirstText").replace("{{name}}", "Kisten packen"));
    expect(await taskRow.count(), "the task stays in the trash").toBe(1);
    expect(await seriousAxeViolations(page), "axe with the parent-in-trash message").toEqual([]);
    await screenshot(page, "trash-parent-first-en");

    const german = await newContext(browser, { locale: "de-DE" });
    await signInContext(german, server.baseUrl);
    const germanPage = await german.newPage();
    await germanPage.goto(`${server.baseUrl}/trash`);
    await germanPage.getByTestId(`restore-${task.id}`).click();
    await expectText(germanPage.getByTestId("trash-parent-in-trash"), restoreFirst("de"));
    await screenshot(germanPage, "trash-parent-first-de");
    await german.close();

    // the message restores the project; then the task comes back too
    await alert.getByTestId("trash-restore-parent").click();
    await projectRow.waitFor({ state: "detached" });
    await alert.waitFor({ state: "detached" });
    await page
      .getByText(text("records", "trash.restored").replace("{{name}}", "Umzug Lager Bremen"))
      .waitFor();
    await page.getByTestId(`restore-${task.id}`).click();
    await taskRow.waitFor({ state: "detached" });
    await page.getByText(text("records", "trash.restored").replace("{{name}}", "Kisten packen")).waitFor();
    const restored = await api<{ projectId: string | null }>({ path: `/api/v1/tasks/${task.id}` });
    expect(restored.projectId).toBe(project.id);
  });
});
