import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, seriousAxeViolations } from "../support/browser.ts";
import { uiText } from "../support/locales.ts";
import { type KontorServer, startKontor } from "../support/server.ts";
import {
  type ApiCompany,
  type ApiPerson,
  callApi,
  setupFirstAdmin,
  signInContext,
} from "../support/session.ts";
import { expectText } from "../support/wait.ts";

// Communication history end to end: log a call on a person, see it on the company, follow up from
// "My tasks", and move an appointment in the calendar's week view.
let server: KontorServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let company: ApiCompany;
let person: ApiPerson;

const text = (key: string) => uiText("en", "activities", key);

interface ApiTask {
  id: string;
  title: string;
  status: string;
  activityId: string | null;
}

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
  await setupFirstAdmin(server.baseUrl);
  context = await newContext(browser, { locale: "en-US", timezoneId: "Europe/Berlin" });
  await signInContext(context, server.baseUrl);
  company = await callApi<ApiCompany>(context, server.baseUrl, {
    method: "POST",
    path: "/api/v1/companies",
    body: { name: "Hanse Logistik GmbH" },
  });
  person = await callApi<ApiPerson>(context, server.baseUrl, {
    method: "POST",
    path: "/api/v1/people",
    body: { firstName: "Jana", lastName: "Krüger", companyId: company.id },
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("activities, follow-ups and the calendar", () => {
  it("logs a call on a person with a follow-up, shown on the company's timeline too", async () => {
    await page.goto(`${server.baseUrl}/people/${person.id}`);
    await page.getByTestId("log-call").click();
    const form = page.getByTestId("activity-form");
    await form.waitFor();
    await page.getByTestId("activity-subject").fill("Angebot besprochen");
    await page
      .getByTestId("activity-body")
      .locator('[contenteditable="true"]')
      .fill("Sie möchte <script>alert(1)</script> bis Freitag entscheiden.");
    await page.getByTestId("activity-duration").fill("15");
    await page.getByTestId("activity-follow-up").fill("2");
    await page.getByTestId("activity-submit").click();
    await form.waitFor({ state: "detached" });

    const timeline = page.getByTestId("timeline");
    await expectText(timeline.locator('[data-kind="activity"]'), `${text("types.call")}: Angebot besprochen`);
    await expectText(timeline.locator('[data-kind="activity"]'), "bis Freitag entscheiden");
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(page, "person-timeline");

    await page.goto(`${server.baseUrl}/companies/${company.id}`);
    const companyTimeline = page.getByTestId("timeline");
    await expectText(companyTimeline.locator('[data-kind="activity"]'), "Angebot besprochen");
    // type filter: only tasks -> the call is hidden, the follow-up task shows
    await page.getByTestId("timeline-filter").getByText(text("timeline.kinds.task"), { exact: true }).click();
    await expectText(companyTimeline.locator('[data-kind="task"]'), "Follow up: Angebot besprochen");
    await expect.poll(() => companyTimeline.locator('[data-kind="activity"]').count()).toBe(0);
    await companyTimeline.scrollIntoViewIfNeeded();
    await screenshot(page, "company-timeline");
  });

  it("completes the follow-up from My tasks", async () => {
    await page.goto(`${server.baseUrl}/tasks`);
    const upcoming = page.getByTestId("my-tasks-upcoming");
    await expectText(upcoming, "Follow up: Angebot besprochen");
    const tasks = await callApi<{ data: ApiTask[] }>(context, server.baseUrl, { path: "/api/v1/tasks" });
    const followUp = tasks.data.find((task) => task.title === "Follow up: Angebot besprochen");
    expect(followUp?.activityId).toBeTruthy();
    await screenshot(page, "my-tasks");
    await page.getByTestId(`task-complete-${followUp!.id}`).click();
    await expect
      .poll(
        async () =>
          (await callApi<ApiTask>(context, server.baseUrl, { path: `/api/v1/tasks/${followUp!.id}` })).status,
      )
      .toBe("done");
    await expect.poll(() => upcoming.getByTestId(`task-${followUp!.id}`).count()).toBe(0);
  });

  it("drags an appointment to another time in the week view", async () => {
    const start = new Date();
    start.setHours(10, 0, 0, 0);
    const end = new Date(start.getTime() + 60 * 60_000);
    const appointment = await callApi<{ id: string; startsAt: string; endsAt: string }>(
      context,
      server.baseUrl,
      {
        method: "POST",
        path: "/api/v1/appointments",
        body: {
          title: "Lieferantengespräch",
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
          links: [{ recordType: "company", recordId: company.id }],
        },
      },
    );
    await page.goto(`${server.baseUrl}/calendar`);
    const event = page.locator(".fc-timegrid-event", { hasText: "Lieferantengespräch" });
    await event.waitFor({ timeout: 15_000 });
    await event.evaluate((element) => element.scrollIntoView({ block: "center" }));
    const box = (await event.boundingBox())!;
    const slot = (await page.locator(".fc-timegrid-slot").first().boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + Math.min(10, box.height / 2);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.waitForTimeout(100);
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(x, y - (slot.height * 4 * step) / 10); // two hours earlier
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    await expect
      .poll(
        async () =>
          (
            await callApi<{ startsAt: string }>(context, server.baseUrl, {
              path: `/api/v1/appointments/${appointment.id}`,
            })
          ).startsAt,
        { timeout: 15_000 },
      )
      .not.toBe(appointment.startsAt);
    const moved = await callApi<{ startsAt: string; endsAt: string }>(context, server.baseUrl, {
      path: `/api/v1/appointments/${appointment.id}`,
    });
    expect(new Date(moved.startsAt).getTime()).toBeLessThan(start.getTime());
    expect(new Date(moved.endsAt).getTime() - new Date(moved.startsAt).getTime()).toBe(60 * 60_000);
    await screenshot(page, "calendar-week");
  });

  it("has no serious or critical axe violations on My tasks, the calendar and the projects board", async () => {
    await callApi(context, server.baseUrl, {
      method: "POST",
      path: "/api/v1/projects",
      body: { name: "Rollout Nord", companyId: company.id, deadline: "2027-03-31", status: "active" },
    });
    await callApi(context, server.baseUrl, {
      method: "POST",
      path: "/api/v1/tasks",
      body: { title: "Dringend", priority: "urgent", dueAt: new Date(Date.now() - 3600_000).toISOString() },
    });
    const screens: [string, string][] = [
      ["/tasks", '[data-testid="my-tasks-upcoming"]'],
      ["/calendar", ".fc-timegrid-event"],
      ["/projects", '[data-testid^="project-"]'],
      [`/companies/${company.id}`, '[data-testid="timeline-item"], [data-kind]'],
    ];
    for (const [path, ready] of screens) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      const violations = await seriousAxeViolations(page);
      expect(
        violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
  });
});
