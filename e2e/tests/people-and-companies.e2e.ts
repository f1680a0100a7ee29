import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, seriousAxeViolations } from "../support/browser.ts";
import { chooseOption, fieldError } from "../support/forms.ts";
import { uiText } from "../support/locales.ts";
import { type KontorServer, startKontor } from "../support/server.ts";
import {
  type ApiCompany,
  type ApiPerson,
  defaultAdmin as admin,
  callApi,
  statusOf,
} from "../support/session.ts";
import { expectPath, expectText, normaliseSpace, recordIdOf } from "../support/wait.ts";

// One install walked through in order: each step builds on the records the previous one made.
let server: KontorServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let companyId = "";
let personId = "";

const company = { name: "Müller Maschinenbau GmbH", domain: "mueller-maschinen.de", revenue: "1234.5" };
const person = { firstName: "Jürgen", lastName: "Müller", email: "juergen.mueller@example.test" };
const personName = `${person.firstName} ${person.lastName}`;

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
  context = await newContext(browser, { locale: "en-US" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(path: string) => callApi<T>(context, server.baseUrl, { path });

describe.sequential("an empty install, used through the browser", () => {
  it("offers to create the first admin, then signs out and in again (a wrong password is refused first)", async () => {
    await page.goto(`${server.baseUrl}/`);
    await expectPath(page, "/setup");
    const setup = page.getByTestId("setup-form");
    await expectText(page.getByRole("heading", { level: 1 }), uiText("en", "auth", "setup.title"));
    await screenshot(page, "setup");
    expect(await seriousAxeViolations(page), "axe on the English setup page").toEqual([]);
    await page.getByTestId("language-de").click();
    await expectText(page.getByRole("heading", { level: 1 }), uiText("de", "auth", "setup.title"));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await seriousAxeViolations(page), "axe on the German setup page").toEqual([]);
    await page.getByTestId("language-en").click();
    await expectText(page.getByRole("heading", { level: 1 }), uiText("en", "auth", "setup.title"));

    await setup.locator("button[type=submit]").click();
    expect(await fieldError(page, setup.locator("input[name=email]"))).toBe(
      uiText("en", "common", "validation.email"),
    );

    await setup.locator("input[name=name]").fill(admin.name);
    await setup.locator("input[name=email]").fill(admin.email);
    await setup.locator("input[name=workspaceName]").fill(admin.workspaceName);
    await setup.locator("input[name=password]").fill(admin.password);
    await setup.locator("button[type=submit]").click();
    await expectPath(page, "/people");
    await expectText(page.getByTestId("empty-state"), uiText("en", "records", "people.emptyTitle"));
    const me = await api<{ user: { email: string; name: string } }>("/api/v1/me");
    expect(me.user).toMatchObject({ email: admin.email, name: admin.name });

    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expectPath(page, "/sign-in");
    expect(await statusOf(context, server.baseUrl, "/api/v1/me")).toBe(401);
    // Setup is offered only once, and signed-out visitors of the app land on the sign-in page.
    await page.goto(`${server.baseUrl}/setup`);
    await expectPath(page, "/sign-in");
    await page.goto(`${server.baseUrl}/people/${"0".repeat(8)}-0000-7000-8000-${"0".repeat(12)}`);
    await expectPath(page, "/sign-in");
    const signIn = page.getByTestId("sign-in-form");
    await signIn.waitFor();
    await screenshot(page, "sign-in");

    await signIn.locator("input[name=email]").fill(admin.email);
    await signIn.locator("input[name=password]").fill("not-the-password");
    await signIn.locator("button[type=submit]").click();
    await expectText(page.getByTestId("sign-in-error"), uiText("en", "auth", "signIn.invalid"));
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await statusOf(context, server.baseUrl, "/api/v1/me")).toBe(401);

    await signIn.locator("input[name=password]").fill(admin.password);
    await signIn.locator("button[type=submit]").click();
    await expectPath(page, "/people");
    await page.getByTestId("user-menu").click();
    await expectText(page.getByRole("menu"), admin.email);
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "hidden" });
    expect(await statusOf(context, server.baseUrl, "/api/v1/me")).toBe(200);

    await page.keyboard.press("Shift+?");
    await expectText(page.getByTestId("shortcuts-dialog"), uiText("en", "common", "shortcuts.palette"));
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcuts-dialog").waitFor({ state: "detached" });

    const bell = page.getByTestId("notification-bell");
    await bell.click();
    await page.getByTestId("notification-list").waitFor();
    expect(await bell.getAttribute("aria-expanded"), "the bell itself says that it opened the list").toBe(
      "true",
    );
    await page.keyboard.press("Escape");
    await page.getByTestId("notification-list").waitFor({ state: "hidden" });
  });

  it("creates a company and a person linked to it through the forms, with client and server field errors", async () => {
    await page.getByTestId("nav-companies").click();
    await expectPath(page, "/companies");
    await page.getByTestId("new-company").click();
    const companyForm = page.getByTestId("company-form");
    await companyForm.getByTestId("field-name").fill(company.name);
    await companyForm.getByTestId("field-domain").fill(company.domain);
    await companyForm.getByTestId("field-revenueAmount").fill(company.revenue);
    await page.getByTestId("company-form-submit").click();
    await expectPath(page, /^\/companies\/[0-9a-f-]{36}$/);
    companyId = recordIdOf(page);
    await expectText(page.getByTestId("record-title"), company.name);
    await expectText(page.getByTestId("record-header"), "€1,234.50");
    const storedCompany = await api<ApiCompany>(`/api/v1/companies/${companyId}`);
    expect(storedCompany).toMatchObject({ name: company.name, domain: company.domain });
    expect(Number(storedCompany.annualRevenue?.amount)).toBe(1234.5);
    expect(storedCompany.annualRevenue?.currency).toBe("EUR");
    await screenshot(page, "company-record");

    await page.getByTestId("nav-people").click();
    await expectPath(page, "/people");
    await page.getByTestId("new-person").click();
    const form = page.getByTestId("person-form");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/people")
        posts.push("x");
    });
    await form.getByTestId("field-firstName").fill(person.firstName);
    await form.getByTestId("field-lastName").fill(person.lastName);
    await form.getByTestId("field-email").fill("juergen.mueller@");
    await page.getByTestId("person-form-submit").click();
    expect(await fieldError(page, form.getByTestId("field-email"))).toBe(
      uiText("en", "common", "validation.email"),
    );
    expect(posts, "an invalid email never reaches the server").toHaveLength(0);

    await form.getByTestId("field-email").fill(person.email);
    expect(await form.getByTestId("field-email").getAttribute("aria-invalid")).not.toBe("true");
    await form.getByTestId("field-phone").fill("123");
    const [refused] = await Promise.all([
      page.waitForResponse(
        (response) => response.request().method() === "POST" && response.url().endsWith("/api/v1/people"),
      ),
      page.getByTestId("person-form-submit").click(),
    ]);
    expect(refused.status()).toBe(400);
    const problem = (await refused.json()) as { errors: { path: string; code?: string }[] };
    const phoneProblem = problem.errors.find((error) => error.path === "phone");
    expect(phoneProblem?.code, "the server names the phone field and the rule").toBe("invalid_phone");
    expect(await fieldError(page, form.getByTestId("field-phone"))).toBe(
      uiText("en", "common", "validation.codes.invalid_phone"),
    );

    await form.getByTestId("field-phone").fill("+49 30 1234567");
    await form.getByTestId("field-companyId").fill("Müller");
    await chooseOption(page, form.getByTestId("field-companyId"), company.name);
    await page.getByTestId("person-form-submit").click();
    await expectPath(page, /^\/people\/[0-9a-f-]{36}$/);
    personId = recordIdOf(page);
    await expectText(page.getByTestId("record-title"), personName);
    await expectText(page.getByTestId("record-header"), company.name);
    const stored = await api<ApiPerson>(`/api/v1/people/${personId}`);
    expect(stored).toMatchObject({ ...person, companyId, phone: "+49301234567" });
    await screenshot(page, "person-record");
    await expectText(page.getByTestId("employments"), company.name);

    await page.getByTestId("record-header").getByRole("link", { name: company.name }).click();
    await expectPath(page, `/companies/${companyId}`);
    await expectText(page.getByTestId("company-people"), personName);
  });

  it("finds the person through the command palette and the list's quick search with an umlaut spelled out (Mueller for Müller)", async () => {
    await page.goto(`${server.baseUrl}/people`);
    await page.getByTestId("quick-search").fill("Mueller");
    await expectText(page.getByTestId(`row-${personId}`), personName);
    await page.getByTestId("quick-search").fill("Schmidt");
    await page.getByTestId("empty-state").waitFor();
    await page.getByTestId("quick-search").fill("");
    await page.getByTestId("quick-search").blur();
    await page.getByTestId(`row-${personId}`).waitFor();
    await page.keyboard.press("Control+k");
    const input = page.getByTestId("palette-input");
    await input.waitFor();
    await input.fill("Mueller");
    const hit = page.getByTestId(`palette-item-person-${personId}`);
    await expectText(hit, personName);
    await expectText(page.getByTestId(`palette-item-company-${companyId}`), company.name);
    // The palette orders groups by their best hit; walk down to the person with the arrow keys if needed.
    for (let step = 0; step < 5 && (await hit.getAttribute("aria-selected")) !== "true"; step++) {
      await input.press("ArrowDown");
    }
    expect(await hit.getAttribute("aria-selected")).toBe("true");
    await screenshot(page, "palette-open");
    expect(await seriousAxeViolations(page), "axe with the palette open").toEqual([]);
    await input.press("Enter");
    await expectPath(page, `/people/${personId}`);
    await expectText(page.getByTestId("record-title"), personName);
    await input.waitFor({ state: "detached" });
  });

  it("edits a cell inline in the list; the change survives a reload and shows in the History tab", async () => {
    const jobTitle = "Head of Purchasing";
    await page.goto(`${server.baseUrl}/people`);
    const row = page.getByTestId(`row-${personId}`);
    const input = row.getByTestId("cell-jobTitle-input");
    const patches: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patches.push(request.url());
    });

    // Keyboard: focus the cell, Enter opens the editor, Escape throws the typing away.
    await row.getByTestId("cell-jobTitle").focus();
    await page.keyboard.press("Enter");
    await input.fill("Typed, then cancelled");
    await input.press("Escape");
    await input.waitFor({ state: "detached" });
    expect(patches, "Escape sends nothing").toEqual([]);
    expect(normaliseSpace(await row.getByTestId("cell-jobTitle").textContent())).not.toContain("cancelled");

    await row.getByTestId("cell-jobTitle").dblclick();
    await input.fill(jobTitle);
    const [saved] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === "PATCH" && response.url().endsWith(`/api/v1/people/${personId}`),
      ),
      input.press("Enter"),
    ]);
    expect(saved.status()).toBe(200);
    await input.waitFor({ state: "detached" });

    await page.reload();
    await expectText(page.getByTestId(`row-${personId}`).getByTestId("cell-jobTitle"), jobTitle);
    expect((await api<ApiPerson>(`/api/v1/people/${personId}`)).jobTitle).toBe(jobTitle);

    await page.getByTestId(`row-${personId}`).getByRole("link", { name: personName }).click();
    await expectPath(page, `/people/${personId}`);
    await page.getByTestId("tab-history").click();
    const history = page.getByTestId("history-panel");
    await expectText(history, jobTitle);
    const text = (await history.textContent()) ?? "";
    expect(text).toContain(uiText("en", "records", "fields.jobTitle"));
    expect(text).toContain(uiText("en", "records", "history.actions.update"));
    expect(text).toContain(admin.name);
    const today = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(
      new Date(),
    );
    expect(text, "the entry says when").toContain(today);
  });

  it("saves the details form; a second tab still on the old version is told of the conflict and writes nothing", async () => {
    await page.goto(`${server.baseUrl}/people/${personId}`);
    const other = await context.newPage();
    await other.goto(`${server.baseUrl}/people/${personId}`);
    await expectText(other.getByTestId("record-title"), personName);
    const patchOf = (target: Page) =>
      target.waitForResponse(
        (response) =>
          response.request().method() === "PATCH" && response.url().endsWith(`/api/v1/people/${personId}`),
      );

    await other.getByTestId("details-form").getByTestId("field-city").fill("Köln");
    await page.getByTestId("details-form").getByTestId("field-city").fill("Hamburg");
    const [saved] = await Promise.all([patchOf(page), page.getByTestId("details-save").click()]);
    expect(saved.status()).toBe(200);

    const [refused] = await Promise.all([patchOf(other), other.getByTestId("details-save").click()]);
    expect(refused.status()).toBe(412);
    await expectText(other.getByTestId("version-conflict"), uiText("en", "records", "record.conflictTitle"));
    expect((await api<ApiPerson>(`/api/v1/people/${personId}`)).address?.city).toBe("Hamburg");

    await other
      .getByTestId("version-conflict")
      .getByRole("button", { name: uiText("en", "records", "record.reload") })
      .click();
    await other.getByTestId("version-conflict").waitFor({ state: "detached" });
    expect(await other.getByTestId("details-form").getByTestId("field-city").inputValue()).toBe("Hamburg");
    await other.close();
  });

  it("moves the person to the trash from the record page and restores them from the trash view", async () => {
    await page.goto(`${server.baseUrl}/people/${personId}`);
    await expectText(page.getByTestId("record-title"), personName);
    await page.getByTestId("record-delete").click();
    await page.getByTestId("record-delete-confirm").click();
    await expectPath(page, "/people");
    expect(await statusOf(context, server.baseUrl, `/api/v1/people/${personId}`)).toBe(404);
    await page.getByTestId(`row-${personId}`).waitFor({ state: "detached" });

    await page.getByTestId("nav-trash").click();
    await expectPath(page, "/trash");
    const trashRow = page.getByTestId(`trash-row-${personId}`);
    await expectText(trashRow, personName);
    await screenshot(page, "trash");
    await page.getByTestId(`restore-${personId}`).click();
    await trashRow.waitFor({ state: "detached" });
    expect(await statusOf(context, server.baseUrl, `/api/v1/people/${personId}`)).toBe(200);

    await page.getByTestId("nav-people").click();
    await expectText(page.getByTestId(`row-${personId}`), personName);
  });
});
