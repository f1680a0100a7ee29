import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, seriousAxeViolations } from "../support/browser.ts";
import { chooseOption } from "../support/forms.ts";
import { type Language, uiText } from "../support/locales.ts";
import { type KontorServer, startKontor } from "../support/server.ts";
import { type Admin, type ApiCompany, callApi, setupFirstAdmin, signInContext } from "../support/session.ts";
import { expectPath, expectText, recordIdOf } from "../support/wait.ts";

// Issue #4 in the browser: edit tasks (with the version conflict), run a customer project with
// milestones and tasks, and mention a colleague in a comment.
let server: KontorServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let company: ApiCompany;
let bruno: Member;
let brigitte: Member;

interface Member {
  userId: string;
  name: string;
  email: string;
}

interface ApiTask {
  id: string;
  title: string;
  status: string;
  dueAt: string | null;
  assigneeId: string | null;
  projectId: string | null;
  version: number;
}

interface ApiProject {
  id: string;
  name: string;
  companyId: string | null;
  deadline: string | null;
  milestones: { title: string; done: boolean; dueDate: string | null }[];
}

const password = "correct-horse-battery";
const brunoLogin: Admin = {
  name: "Bruno Beispiel",
  email: "bruno@example.test",
  password,
  workspaceName: "",
};
const text = (key: string, language: Language = "en") => uiText(language, "activities", key);

function api<T>(path: string, method?: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown, on = context) {
  return callApi<T>(on, server.baseUrl, { path, ...(method ? { method } : {}), body });
}

const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
  await setupFirstAdmin(server.baseUrl);
  context = await newContext(browser, { locale: "en-US", timezoneId: "Europe/Berlin" });
  await signInContext(context, server.baseUrl);
  brigitte = await api<Member>("/api/v1/members", "POST", {
    name: "Brigitte Braun",
    email: "b.braun@example.test",
    password,
    role: "member",
  });
  bruno = await api<Member>("/api/v1/members", "POST", {
    name: brunoLogin.name,
    email: brunoLogin.email,
    password,
    role: "member",
  });
  company = await api<ApiCompany>("/api/v1/companies", "POST", { name: "Hanse Wärme GmbH" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("tasks, projects and mentions", () => {
  it("edits a task's title and due date from My tasks, then hands it to a colleague", async () => {
    const task = await api<ApiTask>("/api/v1/tasks", "POST", {
      title: "Angebot nachfassen",
      dueAt: tomorrow(),
    });
    await page.goto(`${server.baseUrl}/tasks`);
    await page.getByTestId(`task-open-${task.id}`).click();
    const form = page.getByTestId("task-form");
    await form.waitFor();
    expect(await page.getByTestId("task-title").inputValue()).toBe("Angebot nachfassen");
    await screenshot(page, "task-form-edit-en");
    await page.getByTestId("task-title").fill("Angebot nachfassen (Rabatt)");
    await page.getByTestId("task-due").fill("2027-01-15T09:30");
    // Enter in the title saves.
    await page.getByTestId("task-title").press("Enter");
    await form.waitFor({ state: "detached" });
    const upcoming = page.getByTestId("my-tasks-upcoming");
    await expectText(upcoming.getByTestId(`task-${task.id}`), "Angebot nachfassen (Rabatt)");
    await expectText(upcoming.getByTestId(`task-${task.id}`), "15 Jan 2027");
    const saved = await api<ApiTask>(`/api/v1/tasks/${task.id}`);
    expect(saved.dueAt).toBe("2027-01-15T08:30:00.000Z"); // 09:30 in Berlin, winter time

    await page.getByTestId(`task-open-${task.id}`).click();
    await form.waitFor();
    await chooseOption(page, page.getByTestId("task-assignee"), bruno.name);
    await page.getByTestId("task-submit").click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => upcoming.getByTestId(`task-${task.id}`).count()).toBe(0);
    const handed = await api<ApiTask>(`/api/v1/tasks/${task.id}`);
    expect(handed).toMatchObject({ assigneeId: bruno.userId, title: "Angebot nachfassen (Rabatt)" });

    // Bruno sees it among his tasks.
    const brunoContext = await newContext(browser, { locale: "de-DE" });
    await signInContext(brunoContext, server.baseUrl, brunoLogin);
    const brunoPage = await brunoContext.newPage();
    await brunoPage.goto(`${server.baseUrl}/tasks`);
    await expectText(brunoPage.getByTestId("my-tasks-upcoming"), "Angebot nachfassen (Rabatt)");
    await brunoContext.close();
  });

  it("refuses a stale edit with the conflict alert and writes nothing", async () => {
    const task = await api<ApiTask>("/api/v1/tasks", "POST", {
      title: "Lieferschein prüfen",
      dueAt: tomorrow(),
    });
    await page.goto(`${server.baseUrl}/tasks`);
    await page.getByTestId(`task-open-${task.id}`).click();
    await page.getByTestId("task-form").waitFor();
    await page.getByTestId("task-title").fill("Lieferschein prüfen (meine Fassung)");
    // Meanwhile a colleague saves the task.
    await api<ApiTask>(`/api/v1/tasks/${task.id}`, "PATCH", { title: "Lieferschein prüfen (Kollege)" });
    await page.getByTestId("task-submit").click();
    await expectText(page.getByTestId("version-conflict"), uiText("en", "records", "record.conflictTitle"));
    const after = await api<ApiTask>(`/api/v1/tasks/${task.id}`);
    expect(after).toMatchObject({ title: "Lieferschein prüfen (Kollege)", version: task.version + 1 });
    await screenshot(page, "task-form-conflict-en");
    await page.getByTestId("version-reload").click();
    await expect
      .poll(() => page.getByTestId("task-title").inputValue())
      .toBe("Lieferschein prüfen (Kollege)");
    await expect.poll(() => page.getByTestId("version-conflict").count()).toBe(0);
    // Escape closes the form without saving.
    await page.getByTestId("task-title").press("Escape");
    await page.getByTestId("task-form").waitFor({ state: "detached" });
    expect((await api<ApiTask>(`/api/v1/tasks/${task.id}`)).version).toBe(after.version);
  });

  it("runs a project for a company: milestones, a task, and the project on the company page", async () => {
    await page.goto(`${server.baseUrl}/companies/${company.id}`);
    const section = page.getByTestId("company-projects");
    await section.getByRole("button", { name: text("projects.new") }).click();
    await page.getByTestId("project-new-name").fill("Wärmepumpe Installation");
    await page.getByTestId("project-submit").click();
    await expectPath(page, /^\/projects\/[0-9a-f-]{36}$/);
    const projectId = recordIdOf(page);
    await page.getByTestId("project-page").waitFor();

    const project = () => api<ApiProject>(`/api/v1/projects/${projectId}`);
    expect((await project()).companyId).toBe(company.id);

    // All fields are editable; the deadline is one of them.
    await page.getByTestId("project-deadline").fill("2027-04-30");
    await page.getByTestId("details-save").click();
    await expect.poll(async () => (await project()).deadline).toBe("2027-04-30");

    // Milestones: add, rename, mark done.
    await page.getByTestId("milestone-new-title").fill("Vor-Ort-Termin");
    await page.getByTestId("milestone-new-title").press("Enter");
    await expect.poll(() => page.getByTestId("milestone-title-0").inputValue()).toBe("Vor-Ort-Termin");
    await page.getByTestId("milestone-title-0").fill("Vor-Ort-Termin mit Kunde");
    await page.getByTestId("milestone-title-0").press("Enter");
    await expect
      .poll(async () =>
        (await project()).milestones.map(({ title, done, dueDate }) => ({ title, done, dueDate })),
      )
      .toEqual([{ title: "Vor-Ort-Termin mit Kunde", done: false, dueDate: null }]);
    await page.getByTestId("milestone-done-0").click();
    await expect.poll(async () => (await project()).milestones[0]?.done).toBe(true);
    await page.getByTestId("milestone-due-0").fill("2027-02-01");
    await page.getByTestId("milestone-due-0").press("Enter");
    await expect.poll(async () => (await project()).milestones[0]?.dueDate).toBe("2027-02-01");
    await expectText(page.getByTestId("project-milestones"), "(1/1)");

    // Someone else saves the milestones meanwhile: a tick here writes nothing and shows the conflict.
    await api(`/api/v1/projects/${projectId}/milestones`, "PUT", {
      milestones: [
        { title: "Vor-Ort-Termin mit Kunde", dueDate: "2027-02-01", done: true },
        { title: "Abnahme" },
      ],
    });
    await page.getByTestId("milestone-done-0").click();
    await page.getByTestId("project-milestones").getByTestId("version-conflict").waitFor();
    expect((await project()).milestones.map(({ title }) => title)).toEqual([
      "Vor-Ort-Termin mit Kunde",
      "Abnahme",
    ]);
    await page.getByTestId("project-milestones").getByTestId("version-reload").click();
    await expectText(page.getByTestId("project-milestones"), "(1/2)");
    expect(await page.getByTestId("project-milestones").getByTestId("version-conflict").count()).toBe(0);
    await page.getByTestId("milestone-remove-1").click();
    await expect.poll(async () => (await project()).milestones.length).toBe(1);

    // A task in the project, completed from the project's list.
    await page.getByTestId("project-new-task").click();
    await page.getByTestId("task-title").fill("Material bestellen");
    await page.getByTestId("task-submit").click();
    await page.getByTestId("task-form").waitFor({ state: "detached" });
    const tasks = page.getByTestId("project-tasks");
    await expectText(tasks, "Material bestellen");
    const [task] = (await api<{ data: ApiTask[] }>(`/api/v1/tasks?filter[projectId][eq]=${projectId}`)).data;
    expect(task?.title).toBe("Material bestellen");
    await tasks.getByTestId(`task-complete-${task!.id}`).click();
    await expect.poll(async () => (await api<ApiTask>(`/api/v1/tasks/${task!.id}`)).status).toBe("done");
    await expectText(page.getByTestId("project-open-tasks"), "0 open tasks");
    await screenshot(page, "project-page-en");

    // The board and the list by deadline lead to the project too.
    await page.goto(`${server.baseUrl}/projects`);
    await page.getByTestId("projects-board").getByTestId(`project-link-${projectId}`).waitFor();
    await page.getByText(text("projects.list"), { exact: true }).click();
    await page.getByTestId("projects-list").getByTestId(`project-link-${projectId}`).click();
    await expectPath(page, `/projects/${projectId}`);

    await page.goto(`${server.baseUrl}/companies/${company.id}`);
    await expectText(page.getByTestId("company-projects"), "Wärmepumpe Installation");
    await page.getByTestId(`project-link-${projectId}`).click();
    await expectPath(page, `/projects/${projectId}`);
  });

  it("mentions a colleague picked with the keyboard; only that colleague is notified, once", async () => {
    await page.goto(`${server.baseUrl}/companies/${company.id}`);
    const input = page.getByTestId("comment-input");
    await input.click();
    await input.pressSequentially("Bitte Termin bestätigen @b");
    const list = page.getByRole("listbox", { name: text("comments.mentionList") });
    await list.waitFor();
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    const names = await list.getByRole("option").allTextContents();
    expect(names).toHaveLength(2); // Brigitte and Bruno; not me
    const target = names.findIndex((name) => name.startsWith(bruno.name));
    for (let step = 0; step < target; step++) await input.press("ArrowDown");
    await expect
      .poll(async () => (await list.locator('[aria-selected="true"]').textContent()) ?? "")
      .toContain(bruno.name);
    await input.press("Enter");
    await list.waitFor({ state: "detached" });
    expect(await input.inputValue()).toBe("Bitte Termin bestätigen @bruno.beispiel ");
    await input.pressSequentially("danke");
    await page.getByTestId("comment-submit").click();
    await expectText(page.locator('[data-kind="comment"]').first(), "@bruno.beispiel danke");

    const brunoContext = await newContext(browser, { locale: "de-DE" });
    await signInContext(brunoContext, server.baseUrl, brunoLogin);
    const notifications = await api<{ data: { type: string; recordId: string | null }[] }>(
      "/api/v1/notifications",
      undefined,
      undefined,
      brunoContext,
    );
    expect(notifications.data.filter((item) => item.type === "mention")).toHaveLength(1);
    await brunoContext.close();
    const brigitteContext = await newContext(browser);
    await signInContext(brigitteContext, server.baseUrl, { ...brunoLogin, email: brigitte.email });
    const others = await api<{ data: { type: string }[] }>(
      "/api/v1/notifications",
      undefined,
      undefined,
      brigitteContext,
    );
    expect(others.data.filter((item) => item.type === "mention")).toHaveLength(0);
    await brigitteContext.close();

    // Escape closes the list and keeps the text; the mouse picks too.
    await input.pressSequentially("Noch was @bri");
    await list.waitFor();
    await input.press("Escape");
    await list.waitFor({ state: "detached" });
    expect(await input.inputValue()).toBe("Noch was @bri");
    await input.pressSequentially("g");
    await page.getByRole("option", { name: new RegExp(brigitte.name) }).click();
    expect(await input.inputValue()).toBe("Noch was @brigitte.braun ");
  });

  it("edits and deletes one's own comment", async () => {
    await page.goto(`${server.baseUrl}/companies/${company.id}`);
    const comment = page.locator('[data-kind="comment"]').first();
    await expectText(comment, "@bruno.beispiel danke");
    await comment.getByRole("button", { name: text("comments.edit") }).click();
    const editor = page.getByTestId("comment-edit-input");
    await editor.fill("Termin steht, @bruno.beispiel");
    await editor.press("Control+Enter");
    await editor.waitFor({ state: "detached" });
    await expectText(page.locator('[data-kind="comment"]').first(), "Termin steht, @bruno.beispiel");
    const first = page.locator('[data-kind="comment"]').first();
    await first.getByRole("button", { name: text("comments.delete") }).click();
    await first.getByRole("button", { name: text("comments.delete") }).click();
    await expect.poll(() => page.locator('[data-kind="comment"]').count()).toBe(0);
  });

  for (const [language, phone] of [
    ["en", false],
    ["de", false],
    ["en", true],
    ["de", true],
  ] as const) {
    it(`looks right in ${language} on a ${phone ? "390px phone" : "desktop"}`, async () => {
      const suffix = `${language}-${phone ? "phone" : "desktop"}`;
      const look = await newContext(browser, { locale: language === "de" ? "de-DE" : "en-US", phone });
      await signInContext(look, server.baseUrl);
      const view = await look.newPage();
      const task = await api<ApiTask>("/api/v1/tasks", "POST", {
        title: `Rückruf ${suffix}`,
        dueAt: tomorrow(),
        links: [{ recordType: "company", recordId: company.id }],
      });
      await view.goto(`${server.baseUrl}/tasks`);
      await view.getByTestId(`task-open-${task.id}`).click();
      await view.getByTestId("task-form").waitFor();
      await view.waitForTimeout(300);
      await screenshot(view, `task-form-${suffix}`);
      expect(await seriousAxeViolations(view)).toEqual([]);
      await view.keyboard.press("Escape");

      const projects = await api<{ data: ApiProject[] }>("/api/v1/projects");
      await view.goto(`${server.baseUrl}/projects/${projects.data[0]!.id}`);
      await view.getByTestId("project-milestones").waitFor();
      await view.waitForTimeout(300);
      await screenshot(view, `project-page-${suffix}`);
      expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        phone ? 390 : 1366,
      );
      expect(await seriousAxeViolations(view)).toEqual([]);

      await view.goto(`${server.baseUrl}/projects`);
      await view.getByTestId("projects-board").locator('[data-testid^="project-link-"]').first().waitFor();
      await screenshot(view, `projects-board-${suffix}`);

      await view.goto(`${server.baseUrl}/companies/${company.id}`);
      const input = view.getByTestId("comment-input");
      await input.scrollIntoViewIfNeeded();
      await input.click();
      await input.pressSequentially("@b");
      await view.getByRole("listbox", { name: text("comments.mentionList", language) }).waitFor();
      await view.waitForTimeout(300);
      await screenshot(view, `mention-list-${suffix}`);
      expect(await seriousAxeViolations(view)).toEqual([]);
      await look.close();
    });
  }
});
