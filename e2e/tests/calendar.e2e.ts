import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot } from "../support/browser.ts";
import { type Language, uiText } from "../support/locales.ts";
import { type KontorServer, startKontor } from "../support/server.ts";
import { type ApiPerson, callApi, setupFirstAdmin, signInContext } from "../support/session.ts";
import { expectText } from "../support/wait.ts";

// Appointments end to end: create one in the week view with an attendee and a linked person,
// see it on the person's timeline, edit it (and meet a conflict), and move occurrences of a
// weekly series with "only this one" and "all". Screenshots in English, German and on a phone.

let server: KontorServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let person: ApiPerson;
let colleague: { userId: string };

const ZONE = "Europe/Berlin";
const DAY = 86_400_000;
const text = (key: string, language: Language = "en") => uiText(language, "calendar", key);

interface ApiAppointment {
  id: string;
  title: string;
  location: string | null;
  startsAt: string;
  endsAt: string;
  version: number;
  recurrence: string | null;
  attendees: { type: string; id: string }[];
  links: { recordType: string; recordId: string }[];
}
interface ApiOccurrence {
  appointmentId: string;
  title: string;
  startsAt: string;
  seriesId: string | null;
}

/** "YYYY-MM-DD" and "HH:mm" of an instant in Berlin, the browser's zone. */
function berlin(instant: Date) {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: ZONE,
    dateStyle: "short",
    timeStyle: "short",
  }).format(instant);
  const [date, time] = parts.split(" ");
  return { date: date!, time: time! };
}

/** Monday of this week in Berlin, as "YYYY-MM-DD", and a function for the days after it. */
function thisWeek() {
  const today = berlin(new Date()).date;
  const noon = new Date(`${today}T12:00:00Z`);
  const monday = new Date(noon.getTime() - ((noon.getUTCDay() + 6) % 7) * DAY);
  return (days: number) => new Date(monday.getTime() + days * DAY).toISOString().slice(0, 10);
}

async function occurrences(from: string, to: string) {
  const query = `from=${from}T00:00:00Z&to=${to}T00:00:00Z`;
  return (
    await callApi<{ data: ApiOccurrence[] }>(context, server.baseUrl, {
      path: `/api/v1/appointments?${query}`,
    })
  ).data;
}

/** The centre of a half-hour slot of a day column in the week view. */
async function slot(date: string, time: string) {
  const lane = page.locator(`.fc-timegrid-slot-lane[data-time="${time}:00"]`);
  const row = (await lane.boundingBox())!;
  const column = (await page.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox())!;
  return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
}

/** Presses the mouse at `from` and releases it at `to` in small steps, as FullCalendar needs. */
async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.waitForTimeout(100);
  for (let step = 1; step <= 12; step++) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 12, from.y + ((to.y - from.y) * step) / 12);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
}

/** Searches in a select and picks an option; a multi-select's list is closed again with Escape. */
async function pick(input: Locator, search: string, option: string, multiple = false) {
  await input.click();
  await input.fill(search);
  await page.getByRole("option", { name: option, exact: true }).click();
  if (multiple) await page.keyboard.press("Escape");
}

async function openCalendar(path = "/calendar") {
  await page.goto(`${server.baseUrl}${path}`);
  await page.locator(".fc-timegrid-slot").first().waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  server = await startKontor();
  browser = await launchBrowser();
  await setupFirstAdmin(server.baseUrl);
  context = await newContext(browser, { locale: "en-US", timezoneId: ZONE });
  await signInContext(context, server.baseUrl);
  person = await callApi<ApiPerson>(context, server.baseUrl, {
    method: "POST",
    path: "/api/v1/people",
    body: { firstName: "Jana", lastName: "Krüger" },
  });
  colleague = await callApi<{ userId: string }>(context, server.baseUrl, {
    method: "POST",
    path: "/api/v1/members",
    body: { email: "bert@example.test", name: "Bert Berater", password: "correct-horse-2", role: "member" },
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("calendar", () => {
  let created: ApiAppointment;

  it("creates an appointment in the week view with attendees and a linked person, shown on the timeline", async () => {
    await openCalendar();
    const today = berlin(new Date()).date;
    await page
      .locator('.fc-timegrid-slot-lane[data-time="10:00:00"]')
      .evaluate((element) => element.scrollIntoView({ block: "center" }));
    await drag(await slot(today, "10:00"), await slot(today, "10:30"));
    const form = page.getByTestId("appointment-form");
    await form.waitFor();
    expect(await page.getByTestId("appointment-start").inputValue()).toBe(`${today}T10:00`);
    await page.getByTestId("appointment-title").fill("Quartalsgespräch");
    await page.getByTestId("appointment-location").fill("Hamburg, Speicherstadt");
    await page.getByTestId("appointment-description").fill("Zahlen für Q3 mitbringen");
    const attendees = page.getByTestId("appointment-attendees");
    await pick(attendees, "Bert", "Bert Berater", true);
    await pick(attendees, "Jana", "Jana Krüger", true);
    await pick(form.getByTestId("relation-target"), "Jana", "Jana Krüger");
    await expectText(form.getByTestId("linked-records"), "Jana Krüger");
    await screenshot(page, "calendar-form-en");
    await page.getByTestId("appointment-submit").click();
    await form.waitFor({ state: "detached" });
    await page.locator(".fc-timegrid-event", { hasText: "Quartalsgespräch" }).waitFor();

    const [occurrence] = (await occurrences(today, thisWeek()(8))).filter(
      (o) => o.title === "Quartalsgespräch",
    );
    created = await callApi<ApiAppointment>(context, server.baseUrl, {
      path: `/api/v1/appointments/${occurrence!.appointmentId}`,
    });
    expect(berlin(new Date(created.startsAt))).toEqual({ date: today, time: "10:00" });
    expect(new Date(created.endsAt).getTime() - new Date(created.startsAt).getTime()).toBe(3600_000);
    expect(created.attendees).toEqual(
      expect.arrayContaining([
        { type: "user", id: colleague.userId },
        { type: "person", id: person.id },
      ]),
    );
    expect(created.links).toEqual([{ recordType: "person", recordId: person.id }]);

    await page.goto(`${server.baseUrl}/people/${person.id}`);
    await expectText(page.getByTestId("timeline").locator('[data-kind="appointment"]'), "Quartalsgespräch");
  });

  it("edits it through the dialog; a change made meanwhile shows a conflict and writes nothing", async () => {
    await openCalendar();
    await page.locator(".fc-timegrid-event", { hasText: "Quartalsgespräch" }).click();
    const form = page.getByTestId("appointment-form");
    await form.waitFor();
    expect(await page.getByTestId("appointment-title").inputValue()).toBe("Quartalsgespräch");
    await expectText(form, "Bert Berater");
    await page.getByTestId("appointment-title").fill("Quartalsgespräch mit Jana");
    await page.getByTestId("appointment-location").fill("Kiel");
    await page.getByTestId("appointment-submit").click();
    await form.waitFor({ state: "detached" });
    const edited = await callApi<ApiAppointment>(context, server.baseUrl, {
      path: `/api/v1/appointments/${created.id}`,
    });
    expect(edited).toMatchObject({ title: "Quartalsgespräch mit Jana", location: "Kiel", version: 2 });

    await page.locator(".fc-timegrid-event", { hasText: "Quartalsgespräch mit Jana" }).click();
    await form.waitFor();
    await callApi(context, server.baseUrl, {
      method: "PATCH",
      path: `/api/v1/appointments/${created.id}`,
      body: { location: "Lübeck" },
    });
    await page.getByTestId("appointment-title").fill("Überschrieben?");
    await page.getByTestId("appointment-submit").click();
    await page.getByTestId("appointment-conflict").waitFor();
    const after = await callApi<ApiAppointment>(context, server.baseUrl, {
      path: `/api/v1/appointments/${created.id}`,
    });
    expect(after).toMatchObject({ title: "Quartalsgespräch mit Jana", location: "Lübeck", version: 3 });
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
  });

  it("moves one occurrence of a weekly series alone, then the whole series", async () => {
    const day = thisWeek();
    await openCalendar();
    await page.getByTestId("appointment-new").click();
    const form = page.getByTestId("appointment-form");
    await form.waitFor();
    await page.getByTestId("appointment-title").fill("Jour fixe");
    await page.getByTestId("appointment-start").fill(`${day(1)}T14:00`);
    await page.getByTestId("appointment-end").fill(`${day(1)}T15:00`);
    await page.getByTestId("appointment-recurrence").click();
    await page.getByRole("option", { name: text("recurrences.weekly"), exact: true }).click();
    await page.getByTestId("appointment-submit").click();
    await form.waitFor({ state: "detached" });
    const series = (await occurrences(day(0), day(7))).find((o) => o.title === "Jour fixe")!;

    const startsOn = async () =>
      (await occurrences(day(0), day(21)))
        .filter((o) => o.title === "Jour fixe")
        .map((o) => `${berlin(new Date(o.startsAt)).date} ${berlin(new Date(o.startsAt)).time}`);
    await expect.poll(startsOn).toEqual([`${day(1)} 14:00`, `${day(8)} 14:00`, `${day(15)} 14:00`]);

    // this week's Tuesday -> Thursday, only this one
    const event = page.locator(`.fc-timegrid-col[data-date="${day(1)}"] .fc-timegrid-event`, {
      hasText: "Jour fixe",
    });
    await event.waitFor();
    await event.evaluate((element) => element.scrollIntoView({ block: "center" }));
    const box = (await event.boundingBox())!;
    const thursday = (await page.locator(`.fc-timegrid-col[data-date="${day(3)}"]`).boundingBox())!;
    const grab = { x: box.x + box.width / 2, y: box.y + 8 };
    await drag(grab, { x: thursday.x + thursday.width / 2, y: grab.y });
    await page.getByTestId("choice-modal").waitFor();
    await screenshot(page, "calendar-scope-question-en");
    await page.getByTestId("choice-occurrence").click();
    await expect
      .poll(startsOn, { timeout: 15_000 })
      .toEqual([`${day(3)} 14:00`, `${day(8)} 14:00`, `${day(15)} 14:00`]);
    const moved = (await occurrences(day(0), day(7))).find((o) => o.title === "Jour fixe")!;
    expect(moved.seriesId).toBe(series.appointmentId);

    // next week's Tuesday -> Wednesday, all of them
    await page.locator(".fc-next-button").click();
    const next = page.locator(`.fc-timegrid-col[data-date="${day(8)}"] .fc-timegrid-event`, {
      hasText: "Jour fixe",
    });
    await next.waitFor();
    await next.evaluate((element) => element.scrollIntoView({ block: "center" }));
    const nextBox = (await next.boundingBox())!;
    const wednesday = (await page.locator(`.fc-timegrid-col[data-date="${day(9)}"]`).boundingBox())!;
    const nextGrab = { x: nextBox.x + nextBox.width / 2, y: nextBox.y + 8 };
    await drag(nextGrab, { x: wednesday.x + wednesday.width / 2, y: nextGrab.y });
    await page.getByTestId("choice-series").click();
    // the series moved a day; the occurrence moved alone stays where it was put
    await expect
      .poll(startsOn, { timeout: 15_000 })
      .toEqual([`${day(3)} 14:00`, `${day(9)} 14:00`, `${day(16)} 14:00`]);
    const after = await callApi<ApiAppointment>(context, server.baseUrl, {
      path: `/api/v1/appointments/${series.appointmentId}`,
    });
    expect(berlin(new Date(after.startsAt))).toEqual({ date: day(2), time: "14:00" });
    expect(after.recurrence).toBe("FREQ=WEEKLY");
    await page.locator(".fc-timegrid-event", { hasText: "Jour fixe" }).first().waitFor();
    await screenshot(page, "calendar-week-en");
  });

  it("looks right in German and on a phone", async () => {
    for (const [name, options] of [
      ["de", { locale: "de-DE" }],
      ["phone-de", { locale: "de-DE", phone: true }],
      ["phone-en", { locale: "en-US", phone: true }],
    ] as const) {
      const other = await newContext(browser, { ...options, timezoneId: ZONE });
      await signInContext(other, server.baseUrl);
      const otherPage = await other.newPage();
      const language: Language = options.locale.startsWith("de") ? "de" : "en";
      await otherPage.goto(`${server.baseUrl}/calendar`);
      await otherPage.locator(".fc-timegrid-slot").first().waitFor({ timeout: 15_000 });
      await expectText(otherPage.getByRole("heading", { level: 1 }), text("title", language));
      await otherPage.locator(".fc-timegrid-event").first().waitFor();
      await screenshot(otherPage, `calendar-${name}`);
      await otherPage.getByTestId("appointment-new").click();
      await otherPage.getByTestId("appointment-form").waitFor();
      await expectText(otherPage.getByRole("dialog"), text("fields.attendees", language));
      await screenshot(otherPage, `calendar-form-${name}`);
      await other.close();
    }
  });
});
