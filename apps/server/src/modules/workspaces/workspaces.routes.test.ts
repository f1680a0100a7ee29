import { PERMISSIONS } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestResponse, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const CANDIDATES = [
  { email: "first@example.de", password: "first-admin-password-1", name: "First Admin" },
  { email: "racer@example.de", password: "racer-password-123", name: "Racer" },
];
/** Whoever won the setup race; the rest of the file signs in as them. */
let FIRST_ADMIN = CANDIDATES[0]!;
const passwordsUsed = CANDIDATES.map((candidate) => candidate.password);

function cookieOf(response: TestResponse): string {
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  expect(cookies.length).toBeGreaterThan(0);
  return cookies.join("; ");
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await ctx.request({
    method: "POST",
    path: "/api/auth/sign-in/email",
    body: { email, password },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return cookieOf(response);
}

async function asCookie(
  cookie: string,
  path: string,
  options: { method?: string; body?: unknown; workspace?: string } = {},
) {
  const headers: Record<string, string> = { cookie };
  if (options.workspace) headers["x-workspace-id"] = options.workspace;
  return ctx.request({ method: options.method, path, body: options.body, headers });
}

describe("first-run setup", () => {
  let setupCookie: string;
  let firstAdmin: { userId: string; workspaceId: string };

  it("needs setup while no user exists and refuses a bad request without creating anything", async () => {
    expect((await ctx.request({ path: "/api/v1/setup" })).body).toEqual({ needsSetup: true });
    const bad = await ctx.request({
      method: "POST",
      path: "/api/v1/setup",
      body: { ...FIRST_ADMIN, password: "short", workspaceName: "Erste GmbH" },
    });
    expect(expectProblem(bad, 400, "validation_failed")).toContain("password");
    const unknownField = await ctx.request({
      method: "POST",
      path: "/api/v1/setup",
      body: { ...CANDIDATES[0], workspaceName: "Erste GmbH", role: "admin" },
    });
    expect(expectProblem(unknownField, 400, "validation_failed")).toEqual(["role"]);
    expect((await ctx.request({ path: "/api/v1/setup" })).body).toEqual({ needsSetup: true });
  });

  it("creates exactly one first admin, even when two setups race", async () => {
    const [a, b] = await Promise.all(
      CANDIDATES.map((candidate) =>
        ctx.request({
          method: "POST",
          path: "/api/v1/setup",
          body: { ...candidate, workspaceName: "Erste GmbH" },
        }),
      ),
    );
    const statuses = [a!.status, b!.status].sort();
    expect(statuses).toEqual([201, 409]);
    const winner = a!.status === 201 ? a! : b!;
    const loser = winner === a ? b! : a!;
    expectProblem(loser, 409, "already_set_up");
    const { rows } = await ctx.database.raw.query<{ n: string | number }>('select count(*) as n from "user"');
    expect(Number(rows[0]!.n)).toBe(1);
    FIRST_ADMIN = CANDIDATES[winner === a ? 0 : 1]!;
    firstAdmin = winner.body;
    setupCookie = cookieOf(winner);
  });

  it("signs the first admin in and answers 409 already_set_up afterwards", async () => {
    expect((await ctx.request({ path: "/api/v1/setup" })).body).toEqual({ needsSetup: false });
    const again = await ctx.request({
      method: "POST",
      path: "/api/v1/setup",
      body: {
        email: "second@example.de",
        password: "another-password-1",
        name: "Second",
        workspaceName: "Zweite",
      },
    });
    expectProblem(again, 409, "already_set_up");
    const me = await asCookie(setupCookie, "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({
      id: firstAdmin.userId,
      email: FIRST_ADMIN.email,
      name: FIRST_ADMIN.name,
    });
    expect(me.body.workspaces).toEqual([
      expect.objectContaining({ id: firstAdmin.workspaceId, name: "Erste GmbH", role: "admin" }),
    ]);
  });
});

describe("sessions and workspaces", () => {
  let cookie: string;
  let home: string;

  beforeAll(async () => {
    cookie = await signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
    home = (await asCookie(cookie, "/api/v1/me")).body.workspaces[0].id;
  });

  it("signs in with email and password, and refuses a wrong password", async () => {
    const wrong = await ctx.request({
      method: "POST",
      path: "/api/auth/sign-in/email",
      body: { email: FIRST_ADMIN.email, password: "wrong-password-123" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie().some((c) => c.includes("session_token="))).toBe(false);
    expectProblem(await ctx.request({ path: "/api/v1/me" }), 401, "unauthenticated");
    expectProblem(
      await ctx.request({ path: "/api/v1/me", headers: { cookie: "better-auth.session_token=forged" } }),
      401,
      "unauthenticated",
    );
  });

  it("switches workspace with X-Workspace-Id", async () => {
    const created = await asCookie(cookie, "/api/v1/workspaces", {
      method: "POST",
      body: { name: "Zweigstelle" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Zweigstelle", role: "admin" });
    const second = created.body.id as string;

    const inSecond = await asCookie(cookie, "/api/v1/people", {
      method: "POST",
      body: { lastName: "Only in the second" },
      workspace: second,
    });
    expect(inSecond.status).toBe(201);
    const secondList = await asCookie(cookie, "/api/v1/people", { workspace: second });
    expect(secondList.body.data.map((p: { id: string }) => p.id)).toEqual([inSecond.body.id]);
    // without the header the first workspace is used
    const defaultList = await asCookie(cookie, "/api/v1/people");
    expect(defaultList.body.data.map((p: { id: string }) => p.id)).not.toContain(inSecond.body.id);
    const homeList = await asCookie(cookie, "/api/v1/people", { workspace: home });
    expect(homeList.body.data).toEqual(defaultList.body.data);
    expectProblem(
      await asCookie(cookie, `/api/v1/people/${inSecond.body.id}`, { workspace: home }),
      404,
      "person_not_found",
    );

    const me = await asCookie(cookie, "/api/v1/me");
    expect(me.body.workspaces.map((w: { name: string }) => w.name).sort()).toEqual([
      "Erste GmbH",
      "Zweigstelle",
    ]);
  });

  it("acts with the role the user has in the chosen workspace", async () => {
    const readonlyHere = await ctx.createUser({
      email: FIRST_ADMIN.email,
      role: "readonly",
      workspace: "Nur Lesen",
    });
    const write = await asCookie(cookie, "/api/v1/people", {
      method: "POST",
      body: { lastName: "Not allowed here" },
      workspace: readonlyHere.workspaceId,
    });
    expectProblem(write, 403, "forbidden");
    expect((await asCookie(cookie, "/api/v1/people", { workspace: readonlyHere.workspaceId })).status).toBe(
      200,
    );
    // the same user is still admin at home
    const home = await asCookie(cookie, "/api/v1/people", {
      method: "POST",
      body: { lastName: "Allowed at home" },
    });
    expect(home.status).toBe(201);
    const viaKey = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: readonlyHere,
      body: { lastName: "No" },
    });
    expectProblem(viaKey, 403, "forbidden");
  });

  it("answers 404 workspace_not_found for a workspace the user is not in", async () => {
    const stranger = await ctx.createUser({ role: "admin", workspace: "Fremde KG" });
    for (const workspace of [stranger.workspaceId, "0190a000-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const response = await asCookie(cookie, "/api/v1/people", { workspace });
      expectProblem(response, 404, "workspace_not_found");
    }
  });

  it("refuses a workspace name that exists", async () => {
    const response = await asCookie(cookie, "/api/v1/workspaces", {
      method: "POST",
      body: { name: "Erste GmbH" },
    });
    expectProblem(response, 409, "conflict");
  });
});

describe("members", () => {
  let admin: TestUser;
  let manager: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    admin = await ctx.createUser({ role: "admin", workspace: "Mitglieder" });
    manager = await ctx.createUser({ role: "manager", workspace: "Mitglieder" });
    member = await ctx.createUser({ role: "member", workspace: "Mitglieder" });
    passwordsUsed.push(admin.password);
  });

  it("lists members to everyone in the workspace", async () => {
    const response = await ctx.request({ path: "/api/v1/members", as: member });
    expect(response.status).toBe(200);
    expect(
      response.body.data.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort(),
    ).toEqual(
      [
        [admin.userId, "admin"],
        [manager.userId, "manager"],
        [member.userId, "member"],
      ].sort(),
    );
  });

  it("lets only admins add, change and remove members", async () => {
    const body = {
      email: "new.member@example.de",
      name: "New Member",
      password: "new-member-password-1",
      role: "member",
    };
    passwordsUsed.push(body.password);
    for (const user of [manager, member]) {
      expectProblem(
        await ctx.request({ method: "POST", path: "/api/v1/members", as: user, body }),
        403,
        "forbidden",
      );
      expectProblem(
        await ctx.request({
          method: "PATCH",
          path: `/api/v1/members/${member.userId}`,
          as: user,
          body: { role: "admin" },
        }),
        403,
        "forbidden",
      );
      expectProblem(
        await ctx.request({ method: "DELETE", path: `/api/v1/members/${admin.userId}`, as: user }),
        403,
        "forbidden",
      );
    }
    const members = await ctx.request({ path: "/api/v1/members", as: admin });
    expect(members.body.data).toHaveLength(3);

    const added = await ctx.request({ method: "POST", path: "/api/v1/members", as: admin, body });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      userId: expect.any(String),
      email: "new.member@example.de",
      name: "New Member",
      role: "member",
      createdAt: expect.any(String),
    });
    // the new member can sign in with the password the admin chose
    const cookie = await signIn(body.email, body.password);
    const me = await asCookie(cookie, "/api/v1/me");
    expect(me.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual([
      [admin.workspaceId, "member"],
    ]);

    const promoted = await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${added.body.userId}`,
      as: admin,
      body: { role: "manager" },
    });
    expect(promoted.body).toMatchObject({ userId: added.body.userId, role: "manager" });
    const removed = await ctx.request({
      method: "DELETE",
      path: `/api/v1/members/${added.body.userId}`,
      as: admin,
    });
    expect(removed.status).toBe(204);
    // a removed member's session no longer reaches the workspace
    expectProblem(await asCookie(cookie, "/api/v1/people"), 404, "workspace_not_found");
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/members/${added.body.userId}`, as: admin }),
      404,
      "member_not_found",
    );
    // every membership change is in the audit log, with who did it and the role before and after
    const trail = await ctx.request({ path: `/api/v1/audit-log?recordId=${added.body.userId}`, as: admin });
    expect(
      trail.body.data.map(
        (entry: { recordType: string; action: string; actorId: string; changes: unknown }) => [
          entry.recordType,
          entry.action,
          entry.actorId,
          entry.changes,
        ],
      ),
    ).toEqual([
      ["member", "delete", admin.userId, { role: { old: "manager", new: null } }],
      ["member", "update", admin.userId, { role: { old: "member", new: "manager" } }],
      ["member", "create", admin.userId, { role: { old: null, new: "member" } }],
    ]);
  });

  it("refuses to add someone who is already a member", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/members",
      as: admin,
      body: { email: member.email, name: "Again", password: "whatever-password-1", role: "admin" },
    });
    expectProblem(response, 409, "conflict");
    const members = await ctx.request({ path: "/api/v1/members", as: admin });
    expect(members.body.data.find((m: { userId: string }) => m.userId === member.userId).role).toBe("member");
  });

  it("keeps at least one admin", async () => {
    const demote = await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${admin.userId}`,
      as: admin,
      body: { role: "member" },
    });
    expectProblem(demote, 409, "conflict");
    const leave = await ctx.request({ method: "DELETE", path: `/api/v1/members/${admin.userId}`, as: admin });
    expectProblem(leave, 409, "conflict");
    const roles = await ctx.request({ path: "/api/v1/members", as: admin });
    expect(roles.body.data.find((m: { userId: string }) => m.userId === admin.userId).role).toBe("admin");

    // with a second admin, the first may step down
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${manager.userId}`,
      as: admin,
      body: { role: "admin" },
    });
    const stepDown = await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${admin.userId}`,
      as: admin,
      body: { role: "member" },
    });
    expect(stepDown.status).toBe(200);
    // the key of the former admin now acts as a member
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/members/${member.userId}`,
        as: admin,
        body: { role: "admin" },
      }),
      403,
      "forbidden",
    );
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/members/${admin.userId}`,
      as: manager,
      body: { role: "admin" },
    });
  });

  it("keeps an admin when two admins demote each other at the same time", async () => {
    const first = await ctx.createUser({ role: "admin", workspace: "Doppelspitze" });
    const second = await ctx.createUser({ role: "admin", workspace: "Doppelspitze" });
    const results = await Promise.all([
      ctx.request({
        method: "PATCH",
        path: `/api/v1/members/${second.userId}`,
        as: first,
        body: { role: "member" },
      }),
      ctx.request({ method: "DELETE", path: `/api/v1/members/${first.userId}`, as: second }),
    ]);
    const { rows } = await ctx.database.raw.query<{ n: string | number }>(
      "select count(*) as n from memberships where workspace_id = $1 and role = 'admin'",
      [first.workspaceId],
    );
    expect(Number(rows[0]!.n)).toBe(1);
    // one wins; the other finds the last admin (409), that it is no longer admin (403), or,
    // when it was removed before its request was authenticated, that its key has no access (401)
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((status) => status < 300)).toHaveLength(1);
    expect(statuses.filter((status) => [401, 403, 409].includes(status))).toHaveLength(1);
  });

  it("refuses bad member input", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "x@example.de", name: "X", password: "short", role: "member" }, "password"],
      [{ email: "nope", name: "X", password: "long-enough-password", role: "member" }, "email"],
      [{ email: "x@example.de", name: "X", password: "long-enough-password", role: "owner" }, "role"],
    ];
    for (const [body, path] of cases) {
      const response = await ctx.request({ method: "POST", path: "/api/v1/members", as: admin, body });
      expect(expectProblem(response, 400, "validation_failed")).toContain(path);
    }
  });
});

describe("permissions in /me", () => {
  const WRITES = [
    "people.write",
    "companies.write",
    "activities.write",
    "tasks.write",
    "appointments.write",
    "projects.write",
    "documents.write",
    "comments.write",
    "relations.write",
    "segments.write",
    "savedViews.share",
  ];

  async function workspaceAs(user: TestUser) {
    const cookie = await signIn(user.email, user.password);
    const me = await asCookie(cookie, "/api/v1/me");
    expect(me.status).toBe(200);
    const workspace = me.body.workspaces.find((item: { id: string }) => item.id === user.workspaceId);
    return { cookie, workspace };
  }

  it("lists what each role may do, and the server enforces the same", async () => {
    const admin = await ctx.createUser({ role: "admin", workspace: "Rechte" });
    const roles = ["manager", "member", "readonly"] as const;
    const [manager, member, readonly] = await Promise.all(
      roles.map((role) => ctx.createUser({ role, workspace: "Rechte" })),
    );

    const asAdmin = await workspaceAs(admin);
    expect(asAdmin.workspace).toMatchObject({ role: "admin" });
    expect([...asAdmin.workspace.permissions].sort()).toEqual([...PERMISSIONS].sort());

    const asManager = await workspaceAs(manager!);
    expect(asManager.workspace.permissions.sort()).toEqual(
      [...WRITES, "savedViews.manageShared", "customFields.manage", "settings.update"].sort(),
    );
    const asMember = await workspaceAs(member!);
    expect(asMember.workspace.permissions.sort()).toEqual([...WRITES].sort());
    const asReadonly = await workspaceAs(readonly!);
    expect(asReadonly.workspace).toMatchObject({ role: "readonly", permissions: [] });

    // The list and the checks agree: what is missing from it answers 403.
    const person = { method: "POST", body: { lastName: "Rechte" } };
    expect((await asCookie(asMember.cookie, "/api/v1/people", person)).status).toBe(201);
    expectProblem(await asCookie(asReadonly.cookie, "/api/v1/people", person), 403, "forbidden");
    const settings = { method: "PATCH", body: { defaultCurrency: "CHF" } };
    expect((await asCookie(asManager.cookie, "/api/v1/workspace/settings", settings)).status).toBe(200);
    expectProblem(await asCookie(asMember.cookie, "/api/v1/workspace/settings", settings), 403, "forbidden");
    const newMember = {
      method: "POST",
      body: { email: "neu@example.de", name: "Neu", password: "a-good-password-1", role: "member" },
    };
    expectProblem(await asCookie(asManager.cookie, "/api/v1/members", newMember), 403, "forbidden");
  });

  it("gives the creator of a workspace every permission in it", async () => {
    const user = await ctx.createUser({ role: "readonly", workspace: "Nur Gast" });
    const cookie = await signIn(user.email, user.password);
    const created = await asCookie(cookie, "/api/v1/workspaces", {
      method: "POST",
      body: { name: "Eigene" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: "admin", permissions: [...PERMISSIONS] });
  });
});

describe("API keys", () => {
  it("creates, lists and revokes keys; a revoked key gets 401", async () => {
    const owner = await ctx.createUser({ role: "member" });
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/api-keys",
      as: owner,
      body: { name: "CI", expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key.startsWith("kontor_")).toBe(true);
    expect(created.body.name).toBe("CI");
    const expiresIn = Date.parse(created.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 86_400_000);

    const asNewKey = { ...owner, apiKey: key };
    const person = await buildPerson(ctx, asNewKey);
    expect(person.createdBy).toBe(owner.userId);

    const list = await ctx.request({ path: "/api/v1/api-keys", as: owner });
    expect(list.body.data.map((k: { name: string }) => k.name).sort()).toEqual(["CI", "test"]);
    expect(JSON.stringify(list.body)).not.toContain(key);
    for (const item of list.body.data) expect(item).not.toHaveProperty("key");

    const revoked = await ctx.request({
      method: "DELETE",
      path: `/api/v1/api-keys/${created.body.id}`,
      as: owner,
    });
    expect(revoked.status).toBe(204);
    expectProblem(await ctx.request({ path: "/api/v1/people", as: asNewKey }), 401, "unauthenticated");
    const after = await ctx.request({ path: "/api/v1/api-keys", as: owner });
    expect(after.body.data.map((k: { name: string }) => k.name)).toEqual(["test"]);
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/api-keys/${created.body.id}`, as: owner }),
      404,
      "api_key_not_found",
    );
  });

  it("cannot list or revoke another user's key", async () => {
    const alice = await ctx.createUser({ role: "admin", workspace: "Schluessel" });
    const bob = await ctx.createUser({ role: "member", workspace: "Schluessel" });
    const [bobKey] = (await ctx.request({ path: "/api/v1/api-keys", as: bob })).body.data;
    const aliceList = await ctx.request({ path: "/api/v1/api-keys", as: alice });
    expect(aliceList.body.data.map((k: { id: string }) => k.id)).not.toContain(bobKey.id);
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/api-keys/${bobKey.id}`, as: alice }),
      404,
      "api_key_not_found",
    );
    expect((await ctx.request({ path: "/api/v1/people", as: bob })).status).toBe(200);
  });

  it("binds a key to the workspace it was created in", async () => {
    const cookie = await signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
    const me = (await asCookie(cookie, "/api/v1/me")).body;
    const second = me.workspaces.find((w: { name: string }) => w.name === "Zweigstelle").id;
    const created = await asCookie(cookie, "/api/v1/api-keys", {
      method: "POST",
      body: { name: "branch" },
      workspace: second,
    });
    expect(created.status).toBe(201);
    const person = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      headers: { authorization: `Bearer ${created.body.key}`, "x-workspace-id": me.workspaces[0].id },
      body: { lastName: "Made with the branch key" },
    });
    const inSecond = await asCookie(cookie, `/api/v1/people/${person.body.id}`, { workspace: second });
    expect(inSecond.status).toBe(200);
    // a key is listed only in its own workspace
    const homeKeys = await asCookie(cookie, "/api/v1/api-keys", { workspace: me.workspaces[0].id });
    expect(homeKeys.body.data.map((k: { name: string }) => k.name)).not.toContain("branch");
  });

  it("stops working when its user leaves the workspace", async () => {
    const admin = await ctx.createUser({ role: "admin", workspace: "Weggang" });
    const leaving = await ctx.createUser({ role: "member", workspace: "Weggang" });
    expect((await ctx.request({ path: "/api/v1/people", as: leaving })).status).toBe(200);
    await ctx.request({ method: "DELETE", path: `/api/v1/members/${leaving.userId}`, as: admin });
    expectProblem(await ctx.request({ path: "/api/v1/people", as: leaving }), 401, "unauthenticated");
  });
});

describe("workspace settings", () => {
  it("are read by everyone and changed only by admins and managers", async () => {
    const admin = await ctx.createUser({ role: "admin", workspace: "Einstellungen" });
    const manager = await ctx.createUser({ role: "manager", workspace: "Einstellungen" });
    const member = await ctx.createUser({ role: "member", workspace: "Einstellungen" });
    const readonly = await ctx.createUser({ role: "readonly", workspace: "Einstellungen" });
    const initial = await ctx.request({ path: "/api/v1/workspace/settings", as: readonly });
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ defaultRegion: "DE", defaultCurrency: "EUR" });

    for (const user of [member, readonly]) {
      const response = await ctx.request({
        method: "PATCH",
        path: "/api/v1/workspace/settings",
        as: user,
        body: { defaultRegion: "AT" },
      });
      expectProblem(response, 403, "forbidden");
    }
    expect((await ctx.request({ path: "/api/v1/workspace/settings", as: admin })).body.defaultRegion).toBe(
      "DE",
    );

    const changed = await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: manager,
      body: { defaultRegion: "AT" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...initial.body, defaultRegion: "AT" });
    // the region now decides how local phone numbers are read
    const person = await buildPerson(ctx, member, { phone: "0664 1234567" });
    expect(person.phone).toBe("+436641234567");

    const invalid = await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: admin,
      body: { defaultRegion: "XX", relationLabels: [{ key: "Bad Key", label: "x" }] },
    });
    expect(expectProblem(invalid, 400, "validation_failed")).toEqual(
      expect.arrayContaining(["defaultRegion", "relationLabels.0.key"]),
    );
    // the one accepted change is audited on the workspace; the refused ones and a no-op are not
    await ctx.request({
      method: "PATCH",
      path: "/api/v1/workspace/settings",
      as: admin,
      body: { defaultRegion: "AT" },
    });
    const trail = await ctx.request({ path: `/api/v1/audit-log?recordId=${admin.workspaceId}`, as: admin });
    expect(
      trail.body.data.map(
        (entry: { recordType: string; action: string; actorId: string; changes: unknown }) => [
          entry.recordType,
          entry.action,
          entry.actorId,
          entry.changes,
        ],
      ),
    ).toEqual([["workspace", "update", manager.userId, { defaultRegion: { old: "DE", new: "AT" } }]]);
  });
});

describe("passwords", () => {
  it("never appear in a response body or header, the audit log or the domain events", async () => {
    const cookie = await signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
    const admin = await ctx.createUser({ role: "admin", workspace: "Geheim" });
    const added = await ctx.request({
      method: "POST",
      path: "/api/v1/members",
      as: admin,
      body: {
        email: "secret@example.de",
        name: "Secret",
        password: "very-secret-password-9",
        role: "member",
      },
    });
    passwordsUsed.push("very-secret-password-9", admin.password);
    const responses = [
      added,
      await ctx.request({ path: "/api/v1/members", as: admin }),
      await asCookie(cookie, "/api/v1/me"),
      await ctx.request({ path: `/api/v1/audit-log?recordId=${added.body.userId}`, as: admin }),
      await ctx.request({ path: "/api/auth/get-session", headers: { cookie } }),
    ];
    const { rows: audit } = await ctx.database.raw.query("select * from audit_log");
    const { rows: events } = await ctx.database.raw.query("select * from domain_events");
    const { rows: idempotency } = await ctx.database.raw.query("select * from idempotency_keys");
    const texts = [
      ...responses.map((r) => JSON.stringify(r.body) + JSON.stringify([...r.headers.entries()])),
      JSON.stringify(audit),
      JSON.stringify(events),
      JSON.stringify(idempotency),
    ];
    for (const password of passwordsUsed) {
      for (const text of texts) expect(text).not.toContain(password);
    }
    // and the stored credential is a hash
    const { rows: accounts } = await ctx.database.raw.query<{ password: string }>(
      "select password from account where password is not null",
    );
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) {
      for (const password of passwordsUsed) expect(account.password).not.toContain(password);
    }
  });
});
