import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, expectProblem, listAll, query } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "projects-ws" });
  member = await ctx.createUser({ role: "member", workspace: "projects-ws" });
  reader = await ctx.createUser({ role: "readonly", workspace: "projects-ws" });
  stranger = await ctx.createUser({ role: "admin", workspace: "projects-other" });
});
afterAll(() => ctx.close());

describe("projects", () => {
  it("creates a customer project with members and milestones, counts its open tasks, lists by company", async () => {
    const company = await buildCompany(ctx, admin);
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/projects",
      as: member,
      body: {
        name: "CRM-Einführung",
        companyId: company.id,
        memberIds: [admin.userId, member.userId],
        startDate: "2026-01-10",
        deadline: "2026-06-30",
        status: "active",
        milestones: [
          { title: "Go-live", dueDate: "2026-06-01" },
          { title: "Kick-off", dueDate: "2026-01-10", done: true },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ownerId: member.userId, status: "active", openTaskCount: 0 });
    expect(created.body.milestones.map((m: { title: string }) => m.title)).toEqual(["Kick-off", "Go-live"]);
    const id = created.body.id;
    for (const title of ["Schulung", "Datenimport"]) {
      await ctx.request({
        method: "POST",
        path: "/api/v1/tasks",
        as: member,
        body: { title, projectId: id },
      });
    }
    const project = await ctx.request({ path: `/api/v1/projects/${id}`, as: reader });
    expect(project.body.openTaskCount).toBe(2);
    const tasks = await ctx.request({
      path: `/api/v1/tasks${query({ "filter[projectId][eq]": id })}`,
      as: reader,
    });
    expect(tasks.body.data).toHaveLength(2);
    const byCompany = await listAll<{ id: string }>(ctx, reader, "/api/v1/projects", {
      "filter[companyId][eq]": company.id,
    });
    expect(byCompany.map((p) => p.id)).toEqual([id]);
    const milestones = await ctx.request({
      method: "PUT",
      path: `/api/v1/projects/${id}/milestones`,
      as: member,
      body: { milestones: [{ title: "Abnahme", dueDate: "2026-06-20" }] },
    });
    expect(milestones.body.milestones).toHaveLength(1);
    const moved = await ctx.request({
      method: "PATCH",
      path: `/api/v1/projects/${id}`,
      as: member,
      body: { status: "done" },
    });
    expect(moved.body).toMatchObject({ status: "done", version: 2 });
  });

  it("replaces milestones with If-Match on their own version: stale gets 412 and changes nothing", async () => {
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/projects",
      as: member,
      body: { name: "Relaunch", milestones: [{ title: "Entwurf" }] },
    });
    const id = created.body.id;
    expect(created.body).toMatchObject({ version: 1, milestonesVersion: 1 });
    const fetched = await ctx.request({ path: `/api/v1/projects/${id}`, as: member });
    expect(fetched.headers.get("etag")).toBe('"1"');

    const saved = await ctx.request({
      method: "PUT",
      path: `/api/v1/projects/${id}/milestones`,
      as: member,
      headers: { "if-match": '"1"' },
      body: { milestones: [{ title: "Entwurf", done: true }, { title: "Abnahme" }] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, milestonesVersion: 2 });
    expect(saved.headers.get("etag")).toBe('"2"');

    // Someone who still holds milestone version 1 must not overwrite the list.
    const stale = await ctx.request({
      method: "PUT",
      path: `/api/v1/projects/${id}/milestones`,
      as: admin,
      headers: { "if-match": "1" },
      body: { milestones: [] },
    });
    expectProblem(stale, 412, "version_conflict");
    const after = await ctx.request({ path: `/api/v1/projects/${id}`, as: member });
    expect(after.body).toMatchObject({ version: 1, milestonesVersion: 2 });
    expect(after.body.milestones.map((m: { title: string; done: boolean }) => [m.title, m.done])).toEqual([
      ["Entwurf", true],
      ["Abnahme", false],
    ]);

    // The details keep their own version: a details edit opened before the milestone save still saves.
    const details = await ctx.request({
      method: "PATCH",
      path: `/api/v1/projects/${id}`,
      as: admin,
      headers: { "if-match": "1" },
      body: { name: "Relaunch 2027" },
    });
    expect(details.status, JSON.stringify(details.body)).toBe(200);
    expect(details.body).toMatchObject({ version: 2, milestonesVersion: 2 });

    // The same list again writes nothing and keeps the version.
    const same = await ctx.request({
      method: "PUT",
      path: `/api/v1/projects/${id}/milestones`,
      as: member,
      headers: { "if-match": "2" },
      body: { milestones: [{ title: "Entwurf", done: true }, { title: "Abnahme" }] },
    });
    expect(same.body.milestonesVersion).toBe(2);
    expectProblem(
      await ctx.request({
        method: "PUT",
        path: `/api/v1/projects/${id}/milestones`,
        as: member,
        headers: { "if-match": "zwei" },
        body: { milestones: [] },
      }),
      400,
      "validation_failed",
    );
  });

  it("lets exactly one of two concurrent milestone saves with the same If-Match win", async () => {
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/projects",
      as: member,
      body: { name: "Parallel" },
    });
    const id = created.body.id;
    const results = await Promise.all(
      ["A", "B"].map((title) =>
        ctx.request({
          method: "PUT",
          path: `/api/v1/projects/${id}/milestones`,
          as: member,
          headers: { "if-match": "1" },
          body: { milestones: [{ title }] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = await ctx.request({ path: `/api/v1/projects/${id}`, as: member });
    expect(after.body.milestonesVersion).toBe(2);
    expect(after.body.milestones).toHaveLength(1);
  });

  it("validates company, owner and members within the workspace", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/projects",
      as: member,
      body: { name: "x", companyId: stranger.userId, ownerId: stranger.userId, memberIds: [stranger.userId] },
    });
    expect(expectProblem(response, 400, "validation_failed").sort()).toEqual([
      "companyId",
      "memberIds.0",
      "ownerId",
    ]);
    const tasks = await ctx.request({
      method: "POST",
      path: "/api/v1/tasks",
      as: member,
      body: { title: "x", projectId: stranger.userId },
    });
    expect(expectProblem(tasks, 400, "validation_failed")).toEqual(["projectId"]);
  });

  it("readonly cannot write; other workspaces get 404 and empty lists", async () => {
    const created = await ctx.request({
      method: "POST",
      path: "/api/v1/projects",
      as: admin,
      body: { name: "acme-secret-project" },
    });
    const id = created.body.id;
    expectProblem(
      await ctx.request({ method: "POST", path: "/api/v1/projects", as: reader, body: { name: "x" } }),
      403,
      "forbidden",
    );
    for (const [method, path, body] of [
      ["PATCH", `/api/v1/projects/${id}`, { name: "x" }],
      ["PUT", `/api/v1/projects/${id}/milestones`, { milestones: [] }],
      ["DELETE", `/api/v1/projects/${id}`, undefined],
    ] as const) {
      expectProblem(await ctx.request({ method, path, as: reader, body }), 403, "forbidden");
      expectProblem(await ctx.request({ method, path, as: stranger, body }), 404, "project_not_found");
    }
    expectProblem(
      await ctx.request({ path: `/api/v1/projects/${id}`, as: stranger }),
      404,
      "project_not_found",
    );
    const theirs = await listAll<{ id: string; name: string }>(ctx, stranger, "/api/v1/projects", {});
    expect(theirs.map((p) => p.name)).not.toContain("acme-secret-project");
    expect((await ctx.request({ method: "DELETE", path: `/api/v1/projects/${id}`, as: member })).status).toBe(
      204,
    );
  });
});
