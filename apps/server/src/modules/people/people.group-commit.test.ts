import type { TPerson } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

// Concurrent creates share transactions (decision 0013); each request must still behave as if it
// were alone: its own row, audit entry and event, its own error, its own workspace.

let ctx: TestContext;
let admin: TestUser;
let other: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
  other = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

function create(as: TestUser, body: Record<string, unknown>, path = "/api/v1/people") {
  return ctx.request({ method: "POST", path, as, body });
}

async function auditAndEvents(recordIds: string[]) {
  const audit = await ctx.database.raw.query<{ record_id: string; workspace_id: string; actor_id: string }>(
    "select record_id, workspace_id, actor_id from audit_log where action = 'create' and record_id = any($1::uuid[])",
    [recordIds],
  );
  const events = await ctx.database.raw.query<{ record_id: string; workspace_id: string; type: string }>(
    "select record_id, workspace_id, type from domain_events where record_id = any($1::uuid[])",
    [recordIds],
  );
  return { audit: audit.rows, events: events.rows };
}

describe("concurrent creates", () => {
  it("all land, each with its own audit entry and event, sharing transactions", async () => {
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        create(admin, { firstName: "Viele", lastName: `Person ${index}`, phone: "0171 1234567" }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const people = responses.map((response) => response.body as TPerson);
    // Each response is its own person, as it would be alone.
    people.forEach((person, index) => {
      expect(person).toMatchObject({
        lastName: `Person ${index}`,
        phone: "+491711234567",
        version: 1,
        createdBy: admin.userId,
      });
    });
    const ids = people.map((person) => person.id);
    expect(new Set(ids).size).toBe(24);

    const { audit, events } = await auditAndEvents(ids);
    expect(audit.map((entry) => entry.record_id).sort()).toEqual([...ids].sort());
    expect(events.map((event) => event.record_id).sort()).toEqual([...ids].sort());
    expect(events.every((event) => event.type === "person.created")).toBe(true);
    expect(audit.every((entry) => entry.actor_id === admin.userId)).toBe(true);

    // Rows of one transaction share its timestamp: fewer timestamps than people means batches,
    // on PGlite too (the flush waits one turn of the event loop for requests already parsed).
    const { rows } = await ctx.database.raw.query<{ n: string | number }>(
      "select count(distinct created_at) as n from people where id = any($1::uuid[])",
      [ids],
    );
    expect(Number(rows[0]!.n)).toBeLessThan(24);

    const list = await ctx.request({ path: "/api/v1/people?q=Viele&limit=50", as: admin });
    expect(list.body.data).toHaveLength(24);
  });

  it("fails only the request whose row the database refuses; the others are created", async () => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    const auditBefore = await countRows(ctx, "audit_log", admin.workspaceId);
    const bodies = Array.from({ length: 12 }, (_, index) => ({
      lastName: index === 5 ? "Kaputt\u0000" : `Gut ${index}`,
    }));
    const responses = await Promise.all(bodies.map((body) => create(admin, body)));
    responses.forEach((response, index) => {
      if (index === 5) expectProblem(response, 400, "validation_failed");
      else expect(response.status, JSON.stringify(response.body)).toBe(201);
    });
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before + 11);
    expect(await countRows(ctx, "audit_log", admin.workspaceId)).toBe(auditBefore + 11);
  });

  it("keeps validation per request: an invalid body gets its own field errors", async () => {
    const responses = await Promise.all([
      create(admin, { lastName: "Richtig" }),
      create(admin, { lastName: "Falsch", phone: "not a phone" }),
      create(admin, { lastName: "Auch richtig" }),
    ]);
    expect(responses[0]!.status).toBe(201);
    expect(expectProblem(responses[1]!, 400, "validation_failed")).toContain("phone");
    expect(responses[2]!.status).toBe(201);
  });

  it("keeps two workspaces' creates apart within one batch", async () => {
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        index % 2 === 0
          ? create(admin, { lastName: `Mandant A ${index}` })
          : create(other, { lastName: `Mandant B ${index}` }),
      ),
    );
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const people = responses.map((response) => response.body as TPerson);
    const ids = people.map((person) => person.id);
    const { rows } = await ctx.database.raw.query<{ id: string; workspace_id: string; created_by: string }>(
      "select id, workspace_id, created_by from people where id = any($1::uuid[])",
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    people.forEach((person, index) => {
      const owner = index % 2 === 0 ? admin : other;
      expect(byId.get(person.id)).toMatchObject({
        workspace_id: owner.workspaceId,
        created_by: owner.userId,
      });
      expect(person.createdBy).toBe(owner.userId);
    });
    const { audit, events } = await auditAndEvents(ids);
    for (const entry of [...audit, ...events]) {
      expect(entry.workspace_id).toBe(byId.get(entry.record_id)!.workspace_id);
    }
    // Neither workspace sees the other's people.
    const seenByA = await ctx.request({ path: "/api/v1/people?q=Mandant&limit=50", as: admin });
    expect(seenByA.body.data.map((person: TPerson) => person.lastName).sort()).toEqual(
      people
        .filter((_, index) => index % 2 === 0)
        .map((person) => person.lastName)
        .sort(),
    );
    const crossed = await ctx.request({ path: `/api/v1/people/${people[1]!.id}`, as: admin });
    expectProblem(crossed, 404, "person_not_found");
  });

  it("keeps Idempotency-Key per request: a repeat replays its own response and creates nothing", async () => {
    const send = (index: number) =>
      ctx.request({
        method: "POST",
        path: "/api/v1/people",
        as: admin,
        headers: { "idempotency-key": `gruppe-${index}` },
        body: { lastName: `Einmalig ${index}` },
      });
    const first = await Promise.all(Array.from({ length: 8 }, (_, index) => send(index)));
    expect(first.every((response) => response.status === 201)).toBe(true);
    const before = await countRows(ctx, "people", admin.workspaceId);
    const again = await Promise.all(Array.from({ length: 8 }, (_, index) => send(index)));
    again.forEach((response, index) => {
      expect(response.status).toBe(201);
      expect(response.headers.get("idempotent-replayed")).toBe("true");
      expect(response.body.id).toBe(first[index]!.body.id);
    });
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
  });

  it("applies to companies too", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        create(index === 3 ? other : admin, { name: `Firma ${index}` }, "/api/v1/companies"),
      ),
    );
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const ids = responses.map((response) => response.body.id as string);
    const { audit, events } = await auditAndEvents(ids);
    expect(audit).toHaveLength(10);
    expect(events.filter((event) => event.type === "company.created")).toHaveLength(10);
    expect(audit.find((entry) => entry.record_id === ids[3])!.workspace_id).toBe(other.workspaceId);
  });
});
