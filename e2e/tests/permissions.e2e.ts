import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, seriousAxeViolations } from "../support/browser.ts";
import { uiText } from "../support/locales.ts";
import { type KontorServer, startKontor } from "../support/server.ts";
import { type Admin, type ApiPerson, callApi, setupFirstAdmin, signInContext } from "../support/session.ts";
import { expectPath, expectText } from "../support/wait.ts";

// The web app follows the member's role: a read-only member sees the records but none of the
// controls that would write (the server would refuse them with 403); a member and an admin do.
let server: KontorServer;
let browser: Browser;
let adminContext: BrowserContext;
let person: ApiPerson;
let ritaTask: { id: string; title: string };
let maxTask: { id: string; title: string };

interface Member {
  userId: string;
  name: string;
}

const password = "correct-horse-battery";
const rita: Admin = { name: "Rita Lesend", email: "rita@example.test", password, workspaceName: "" };
const max: Admin = { name: "Max Mitglied", email: "max@example.test", password, workspaceName: "" };

function asAdmin<T>(path: string, body?: unknown) {
  return callApi<T>(adminContext, server.baseUrl, { path, ...(body ? { method: "POST", body } : {}) });
}

async function pageAs(login: Admin, locale = "en-US"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { locale });
  await signInContext(context, server.baseUrl, login);
  return { context, page: await context.newPage() };
}

const userMenuName = (language: "de" | "en", initials: string, login: Admin) =>
  uiText(language, "common", "shell.userMenuOf")
    .replace("{{initials}}", initials)
    .replace("{{name}}", login.name);

const count = (page: Page, testId: string) => page.getByTestId(testId).count();

/** Serious axe findings as "rule: targets" lines, so a failure says where to look. */
async function axeFindings(page: Page): Promise<string[]> {
  return (await seriousAxeViolations(page)).map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
  await setupFirstAdmin(server.baseUrl);
  adminContext = await newContext(browser);
  await signInContext(adminContext, server.baseUrl);
  const addMember = ({ name, email }: Admin, role: string) =>
    asAdmin<Member>("/api/v1/members", { name, email, password, role });
  const readonly = await addMember(rita, "readonly");
  const member = await addMember(max, "member");
  person = await asAdmin<ApiPerson>("/api/v1/people", {
    firstName: "Paula",
    lastName: "Pflaume",
    email: "paula@example.test",
  });
  const links = [{ recordType: "person", recordId: person.id }];
  const dueAt = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
  ritaTask = await asAdmin("/api/v1/tasks", {
    title: "Vertrag lesen",
    assigneeId: readonly.userId,
    dueAt,
    links,
  });
  maxTask = await asAdmin("/api/v1/tasks", {
    title: "Angebot schreiben",
    assigneeId: member.userId,
    dueAt,
    links,
  });
  await asAdmin("/api/v1/activities", { type: "note", subject: "Erstes Gespräch", links });
  await asAdmin("/api/v1/comments", { recordType: "person", recordId: person.id, body: "Kundin seit 2019" });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("what a role may do, in the browser", () => {
  it("/me tells the web app each role's permissions", async () => {
    const { context } = await pageAs(rita);
    const me = await callApi<{ workspaces: { role: string; permissions: string[] }[] }>(
      context,
      server.baseUrl,
      { path: "/api/v1/me" },
    );
    expect(me.workspaces).toEqual([expect.objectContaining({ role: "readonly", permissions: [] })]);
    await context.close();
  });

  it("shows a read-only member the people list without create, inline edit or bulk actions", async () => {
    const { context, page } = await pageAs(rita);
    await page.goto(`${server.baseUrl}/people`);
    const row = page.getByTestId(`row-${person.id}`);
    await expectText(row, "Paula Pflaume");
    expect(await count(page, "new-person")).toBe(0);
    expect(await count(page, "select-all")).toBe(0);
    expect(await row.getByRole("checkbox").count()).toBe(0);
    // Cells show their values but do not turn into inputs.
    expect(await row.locator('[data-testid^="cell-"]').count()).toBe(0);
    await expectText(row, "paula@example.test");
    await row.getByText("paula@example.test").dblclick();
    expect(await page.locator('[data-testid$="-input"]').count()).toBe(0);
    await page.keyboard.press("n");
    expect(await count(page, "person-form")).toBe(0);
    // Saving a private view stays possible; sharing it is not offered.
    await page.getByTestId("save-view").click();
    await page.getByTestId("save-view-name").waitFor();
    expect(await count(page, "save-view-visibility")).toBe(0);
    await page.keyboard.press("Escape");
    await screenshot(page, "permissions-people-readonly");
    await context.close();
  });

  it("answers a link to the create form with 'You have no permission', in English and German", async () => {
    const { context, page } = await pageAs(rita);
    await page.goto(`${server.baseUrl}/people?new=true`);
    const state = page.getByTestId("no-permission");
    await expectText(state, uiText("en", "common", "permissions.title"));
    await expectText(state, uiText("en", "settings", "roles.readonly"));
    expect(await count(page, "person-form")).toBe(0);
    // the avatar shows "RL"; its name holds those initials and the member's full name
    expect(await page.getByTestId("user-menu").getAttribute("aria-label")).toBe(
      userMenuName("en", "RL", rita),
    );
    expect(await axeFindings(page), "axe on the no-permission state").toEqual([]);
    await screenshot(page, "permissions-no-permission-en");
    await page.getByTestId("no-permission-back").click();
    await expectPath(page, "/people");
    await expectText(page.getByTestId(`row-${person.id}`), "Paula Pflaume");
    await context.close();

    const german = await pageAs(rita, "de-DE");
    await german.page.goto(`${server.baseUrl}/companies?new=true`);
    await expectText(german.page.getByTestId("no-permission"), uiText("de", "common", "permissions.title"));
    await expectText(german.page.getByTestId("no-permission"), uiText("de", "settings", "roles.readonly"));
    expect(await count(german.page, "company-form")).toBe(0);
    expect(await german.page.getByTestId("user-menu").getAttribute("aria-label")).toBe(
      userMenuName("de", "RL", rita),
    );
    expect(await axeFindings(german.page), "axe on the German no-permission state").toEqual([]);
    await german.context.close();
  });

  it("shows a read-only member a person page with disabled details and no write controls", async () => {
    const { context, page } = await pageAs(rita);
    await page.goto(`${server.baseUrl}/people/${person.id}`);
    await expectText(page.getByTestId("record-title"), "Paula Pflaume");
    const form = page.getByTestId("details-form");
    await expectText(form.getByTestId("read-only-note"), uiText("en", "settings", "roles.readonly"));
    expect(await form.locator("input[name=lastName]").inputValue()).toBe("Pflaume");
    expect(await form.locator("input[name=lastName]").isDisabled()).toBe(true);
    expect(await count(page, "details-save")).toBe(0);
    for (const control of ["record-delete", "log-call", "add-note", "new-task", "comment-form"]) {
      expect(await count(page, control), control).toBe(0);
    }
    expect(await count(page, "document-upload")).toBe(0);
    expect(await count(page, "relation-add")).toBe(0);
    // The timeline shows the note, the task and the comment, without their menus and checkboxes.
    const timeline = page.getByTestId("timeline");
    await expectText(timeline, "Erstes Gespräch");
    await expectText(timeline, "Kundin seit 2019");
    await expectText(timeline.getByTestId(`task-${ritaTask.id}`), ritaTask.title);
    expect(await timeline.locator('[data-testid^="activity-menu-"]').count()).toBe(0);
    expect(await timeline.locator('[data-testid^="task-complete-"]').count()).toBe(0);
    expect(await timeline.locator('[data-testid^="comment-delete-button-"]').count()).toBe(0);
    expect(await axeFindings(page), "axe on the read-only person page").toEqual([]);
    await screenshot(page, "permissions-person-readonly");
    await context.close();
  });

  it("shows a read-only member their tasks without new, complete or snooze, and opens a task read-only", async () => {
    const { context, page } = await pageAs(rita);
    await page.goto(`${server.baseUrl}/tasks`);
    const item = page.getByTestId("my-tasks-upcoming").getByTestId(`task-${ritaTask.id}`);
    await expectText(item, ritaTask.title);
    expect(await count(page, "new-task")).toBe(0);
    expect(await count(page, `task-complete-${ritaTask.id}`)).toBe(0);
    expect(await count(page, `task-snooze-${ritaTask.id}`)).toBe(0);
    await page.getByTestId(`task-open-${ritaTask.id}`).click();
    const view = page.getByTestId("task-view");
    await view.waitFor();
    expect(await view.getByTestId("task-title").inputValue()).toBe(ritaTask.title);
    expect(await view.getByTestId("task-title").isDisabled()).toBe(true);
    expect(await count(page, "task-submit")).toBe(0);
    expect(await count(page, "task-delete")).toBe(0);
    await screenshot(page, "permissions-task-readonly");
    await context.close();
  });

  it("still gives a member every write control on the same pages", async () => {
    const { context, page } = await pageAs(max);
    await page.goto(`${server.baseUrl}/people`);
    const row = page.getByTestId(`row-${person.id}`);
    await expectText(row, "Paula Pflaume");
    await page.getByTestId("new-person").waitFor();
    expect(await row.getByRole("checkbox").count()).toBe(1);
    expect(await row.locator('[data-testid^="cell-"]').count()).toBeGreaterThan(0);
    await row.getByRole("checkbox").check();
    await page.getByTestId("bulk-delete").waitFor();
    await page.goto(`${server.baseUrl}/people?new=true`);
    await page.getByTestId("person-form").waitFor();
    expect(await count(page, "no-permission")).toBe(0);

    await page.goto(`${server.baseUrl}/people/${person.id}`);
    await expectText(page.getByTestId("record-title"), "Paula Pflaume");
    for (const control of [
      "record-delete",
      "log-call",
      "add-note",
      "new-task",
      "comment-form",
      "details-save",
    ]) {
      await page.getByTestId(control).first().waitFor();
    }
    expect(await page.getByTestId("details-form").locator("input[name=lastName]").isDisabled()).toBe(false);
    expect(await count(page, "read-only-note")).toBe(0);

    await page.goto(`${server.baseUrl}/tasks`);
    await expectText(page.getByTestId(`task-${maxTask.id}`), maxTask.title);
    await page.getByTestId("new-task").waitFor();
    await page.getByTestId(`task-complete-${maxTask.id}`).waitFor();
    await page.getByTestId(`task-snooze-${maxTask.id}`).waitFor();
    // Members are managed by admins only.
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByTestId("settings-tab-members").click();
    await page.getByTestId("no-permission").waitFor();
    expect(await count(page, "members-list")).toBe(0);
    await context.close();
  });

  it("gives an admin the member list and the settings form", async () => {
    const page = await adminContext.newPage();
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByTestId("workspace-settings-save").waitFor();
    await page.getByTestId("settings-tab-members").click();
    await expectText(page.getByTestId("members-list"), rita.name);
    await page.goto(`${server.baseUrl}/people/${person.id}`);
    await page.getByTestId("record-delete").waitFor();
    await page.close();
  });
});
