import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let anna: TestUser;
let bernd: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "comments-ws", email: "chef@example.de" });
  anna = await ctx.createUser({ role: "member", workspace: "comments-ws", email: "anna.mueller@example.de" });
  bernd = await ctx.createUser({ role: "member", workspace: "comments-ws", email: "bernd@example.de" });
  reader = await ctx.createUser({ role: "readonly", workspace: "comments-ws" });
  stranger = await ctx.createUser({ role: "admin", workspace: "comments-other", email: "anna@example.de" });
});
afterAll(() => ctx.close());

async function comment(as: TestUser, recordId: string, body: string, recordType = "person") {
  const response = await ctx.request({
    method: "POST",
    path: "/api/v1/comments",
    as,
    body: { recordType, recordId, body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function mentionsOf(user: TestUser) {
  const response = await ctx.request({ path: "/api/v1/notifications", as: user });
  return response.body.data.filter((n: { type: string }) => n.type === "mention");
}

describe("comments and mentions", () => {
  it("a mention creates exactly one notification, also when repeated and after edits", async () => {
    const person = await buildPerson(ctx, admin);
    const before = (await mentionsOf(anna)).length;
    const created = await comment(admin, person.id, "@anna.mueller bitte anrufen, @anna.mueller! cc @nobody");
    expect(created.mentions).toEqual([anna.userId]);
    expect(await mentionsOf(anna)).toHaveLength(before + 1);
    const edited = await ctx.request({
      method: "PATCH",
      path: `/api/v1/comments/${created.id}`,
      as: admin,
      body: { body: "@anna.mueller und @bernd: bitte anrufen" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.mentions.sort()).toEqual([anna.userId, bernd.userId].sort());
    expect(await mentionsOf(anna)).toHaveLength(before + 1);
    const berndMentions = await mentionsOf(bernd);
    expect(berndMentions).toHaveLength(1);
    expect(berndMentions[0]).toMatchObject({
      recordType: "person",
      recordId: person.id,
      actorId: admin.userId,
    });
    // a member of another workspace with a matching handle is never mentioned
    expect(await mentionsOf(stranger)).toHaveLength(0);
    // mentioning yourself does not notify
    await comment(anna, person.id, "note to self @anna.mueller");
    expect(await mentionsOf(anna)).toHaveLength(before + 1);
  });

  it("only the author edits; the author or an admin deletes; readonly cannot comment", async () => {
    const company = await buildCompany(ctx, admin);
    const mine = await comment(anna, company.id, "von Anna", "company");
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/comments/${mine.id}`,
        as: bernd,
        body: { body: "x" },
      }),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/comments/${mine.id}`, as: bernd }),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({
        method: "POST",
        path: "/api/v1/comments",
        as: reader,
        body: { recordType: "company", recordId: company.id, body: "x" },
      }),
      403,
      "forbidden",
    );
    const edited = await ctx.request({
      method: "PATCH",
      path: `/api/v1/comments/${mine.id}`,
      as: anna,
      body: { body: "neu" },
    });
    expect(edited.body).toMatchObject({ body: "neu", version: 2 });
    expect(
      (await ctx.request({ method: "DELETE", path: `/api/v1/comments/${mine.id}`, as: admin })).status,
    ).toBe(204);
    const list = await ctx.request({
      path: `/api/v1/comments?recordType=company&recordId=${company.id}`,
      as: reader,
    });
    expect(list.body.data).toHaveLength(0);
  });

  it("isolates workspaces: 404 on another workspace's comment and record", async () => {
    const person = await buildPerson(ctx, admin);
    const mine = await comment(admin, person.id, "intern");
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/comments/${mine.id}`,
        as: stranger,
        body: { body: "x" },
      }),
      404,
      "comment_not_found",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/comments/${mine.id}`, as: stranger }),
      404,
      "comment_not_found",
    );
    expectProblem(
      await ctx.request({ path: `/api/v1/comments?recordType=person&recordId=${person.id}`, as: stranger }),
      404,
      "not_found",
    );
    const onForeign = await ctx.request({
      method: "POST",
      path: "/api/v1/comments",
      as: stranger,
      body: { recordType: "person", recordId: person.id, body: "x" },
    });
    expectProblem(onForeign, 400, "validation_failed");
  });
});

describe("notifications", () => {
  it("counts unread, marks read, keeps them per user and workspace", async () => {
    const person = await buildPerson(ctx, admin);
    await comment(admin, person.id, "@bernd eins");
    await comment(admin, person.id, "@bernd zwei");
    const list = await ctx.request({ path: "/api/v1/notifications?unread=true", as: bernd });
    expect(list.body.unreadCount).toBeGreaterThanOrEqual(2);
    const [latest] = list.body.data;
    expectProblem(
      await ctx.request({ method: "POST", path: `/api/v1/notifications/${latest.id}/read`, as: anna }),
      404,
      "notification_not_found",
    );
    const read = await ctx.request({
      method: "POST",
      path: `/api/v1/notifications/${latest.id}/read`,
      as: bernd,
    });
    expect(read.body.readAt).not.toBeNull();
    const count = await ctx.request({ path: "/api/v1/notifications/unread-count", as: bernd });
    expect(count.body.count).toBe(list.body.unreadCount - 1);
    await ctx.request({ method: "POST", path: "/api/v1/notifications/read-all", as: bernd });
    expect((await ctx.request({ path: "/api/v1/notifications/unread-count", as: bernd })).body.count).toBe(0);
  });

  it("settings switch mentions off", async () => {
    const user = await ctx.createUser({
      role: "member",
      workspace: "comments-ws",
      email: "still@example.de",
    });
    const settings = await ctx.request({
      method: "PUT",
      path: "/api/v1/notifications/settings",
      as: user,
      body: { mention: false },
    });
    expect(settings.body).toEqual({ mention: false, task_reminder: true, task_assigned: true });
    const person = await buildPerson(ctx, admin);
    await comment(admin, person.id, "@still hallo");
    expect(await mentionsOf(user)).toHaveLength(0);
  });

  it("pushes new notifications live over server-sent events", async () => {
    const user = await ctx.createUser({ role: "member", workspace: "comments-ws", email: "live@example.de" });
    const controller = new AbortController();
    const response = await fetch(`${ctx.baseUrl}/api/v1/notifications/stream`, {
      headers: { authorization: `Bearer ${user.apiKey}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      const until = Date.now() + 10_000;
      while (!text.includes(needle) && Date.now() < until) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text.includes(needle);
    };
    expect(await readUntil('event: unread\ndata: {"count":0}')).toBe(true);
    const person = await buildPerson(ctx, admin);
    await comment(admin, person.id, "@live schau mal");
    expect(await readUntil("event: notification")).toBe(true);
    expect(await readUntil('event: unread\ndata: {"count":1}')).toBe(true);
    expect(text).toContain('"type":"mention"');
    controller.abort();
    await reader.cancel().catch(() => undefined);
  });
});
