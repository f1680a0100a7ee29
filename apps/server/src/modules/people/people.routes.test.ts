import type { FieldError, TEmployment, TPerson } from "@kontor/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, buildWorkspace, countRows, expectProblem } from "../../test/factories.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin" });
});
afterAll(() => ctx.close());

describe("POST /api/v1/people", () => {
  it("creates a person with a normalised phone and email", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { firstName: "Jörg", lastName: "Müller", email: "J.Mueller@Example.DE", phone: "0171 1234567" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      firstName: "Jörg",
      email: "j.mueller@example.de",
      phone: "+491711234567",
      version: 1,
      createdBy: admin.userId,
    });
  });

  it("rejects a request without credentials", async () => {
    const response = await ctx.request({ method: "POST", path: "/api/v1/people", body: { email: "a@b.de" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.body.code).toBe("unauthenticated");
  });

  it("rejects an unknown API key", async () => {
    const response = await ctx.request({
      path: "/api/v1/people",
      headers: { authorization: "Bearer kontor_not-a-real-key" },
    });
    expectProblem(response, 401, "unauthenticated");
  });

  it("accepts a person with only an email, or only a first name", async () => {
    const byEmail = await buildPerson(ctx, admin, { lastName: undefined, email: "only@example.de" });
    expect(byEmail.displayName).toBe("only@example.de");
    const byFirstName = await buildPerson(ctx, admin, { lastName: undefined, firstName: "Ada" });
    expect(byFirstName).toMatchObject({ firstName: "Ada", lastName: null, displayName: "Ada" });
  });

  it("accepts strings of exactly 200 characters", async () => {
    const person = await buildPerson(ctx, admin, { lastName: "x".repeat(200), jobTitle: "y".repeat(200) });
    expect(person.lastName).toHaveLength(200);
  });
});

describe("bad input is a problem+json and writes nothing", () => {
  const cases: [string, unknown, string][] = [
    ["an unknown field", { lastName: "A", nickname: "x" }, "nickname"],
    ["a wrong type", { lastName: 42 }, "lastName"],
    ["a string over 200 characters", { lastName: "x".repeat(201) }, "lastName"],
    ["a job title over 200 characters", { lastName: "A", jobTitle: "y".repeat(201) }, "jobTitle"],
    ["an invalid email", { lastName: "A", email: "not-an-email" }, "email"],
    [
      "an invalid additional email",
      { lastName: "A", additionalEmails: ["a@b.de", "nope"] },
      "additionalEmails.1",
    ],
    ["an invalid phone number", { lastName: "A", phone: "12345" }, "phone"],
    ["letters as a phone number", { lastName: "A", phone: "call me maybe" }, "phone"],
    [
      "an invalid additional phone",
      { lastName: "A", additionalPhones: ["0171 1234567", "999"] },
      "additionalPhones.1",
    ],
    ["an unknown country", { lastName: "A", address: { country: "XX" } }, "address.country"],
    ["a lowercase country", { lastName: "A", address: { country: "de" } }, "address.country"],
    ["an unknown address field", { lastName: "A", address: { planet: "Mars" } }, "address.planet"],
    ["an invalid birthday", { lastName: "A", birthday: "1990-02-30" }, "birthday"],
    ["a company id that is not a uuid", { lastName: "A", companyId: "acme" }, "companyId"],
    [
      "a company that does not exist",
      { lastName: "A", companyId: "0190a000-0000-7000-8000-000000000000" },
      "companyId",
    ],
    [
      "an owner who is not a member",
      { lastName: "A", ownerId: "0190a000-0000-7000-8000-000000000000" },
      "ownerId",
    ],
    ["no name and no email", { jobTitle: "CEO" }, "lastName"],
    ["names of only spaces", { firstName: "   ", lastName: " " }, "lastName"],
    ["tags that are not a list", { lastName: "A", tags: "vip" }, "tags"],
  ];

  it.each(cases)("refuses %s", async (_label, body, path) => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    const response = await ctx.request({ method: "POST", path: "/api/v1/people", as: admin, body });
    expect(expectProblem(response, 400, "validation_failed")).toContain(path);
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
  });

  it("refuses a malformed JSON body", async () => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      headers: { "content-type": "application/json" },
      body: undefined,
    });
    expectProblem(response, 400, "validation_failed");
    const raw = await fetch(`${ctx.baseUrl}/api/v1/people`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin.apiKey}`, "content-type": "application/json" },
      body: '{"lastName": "A",',
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get("content-type")).toContain("application/problem+json");
    expect(((await raw.json()) as { code: string }).code).toBe("validation_failed");
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
  });

  it("refuses text with a NUL character, in the body and in filters", async () => {
    const before = await countRows(ctx, "people", admin.workspaceId);
    for (const body of [{ lastName: "a\u0000b" }, { lastName: "A", tags: ["x\u0000"] }]) {
      const response = await ctx.request({ method: "POST", path: "/api/v1/people", as: admin, body });
      expectProblem(response, 400, "validation_failed");
    }
    expect(await countRows(ctx, "people", admin.workspaceId)).toBe(before);
    const filter = await ctx.request({ path: "/api/v1/people?filter%5BlastName%5D%5Beq%5D=%00", as: admin });
    expectProblem(filter, 400, "validation_failed");
  });

  it("reports every bad field at once", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "A", email: "nope", address: { country: "XX" } },
    });
    const paths = expectProblem(response, 400, "validation_failed");
    expect(paths).toEqual(expect.arrayContaining(["email", "address.country"]));
  });

  it("names the failed rule of each field error with a code and its parameters, for clients to word", async () => {
    const response = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "A".repeat(201), email: "nope", phone: "123", unknownThing: 1 },
    });
    expectProblem(response, 400, "validation_failed");
    const errors = (response.body as { errors: FieldError[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "lastName",
          code: "too_big",
          params: expect.objectContaining({ origin: "string", maximum: 200 }),
        }),
        expect.objectContaining({
          path: "email",
          code: "invalid_format",
          params: expect.objectContaining({ format: "email" }),
        }),
        expect.objectContaining({ path: "unknownThing", code: "unrecognized_keys" }),
      ]),
    );
    const phone = await ctx.request({
      method: "POST",
      path: "/api/v1/people",
      as: admin,
      body: { lastName: "A", phone: "123" },
    });
    expect((phone.body as { errors: FieldError[] }).errors).toEqual([
      expect.objectContaining({ path: "phone", code: "invalid_phone", params: { value: "123" } }),
    ]);
  });

  it("refuses an update that removes every name and the email, and keeps the record", async () => {
    const person = await buildPerson(ctx, admin, { firstName: "Kim", lastName: null });
    const response = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { firstName: null },
    });
    expect(expectProblem(response, 400, "validation_failed")).toContain("lastName");
    const reread = await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin });
    expect(reread.body).toMatchObject({ firstName: "Kim", version: 1 });
  });

  it("refuses an invalid phone on update and keeps the old one", async () => {
    const person = await buildPerson(ctx, admin, { phone: "030 1234567" });
    const response = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { phone: "123" },
    });
    expect(expectProblem(response, 400, "validation_failed")).toContain("phone");
    const reread = await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin });
    expect(reread.body).toMatchObject({ phone: "+49301234567", version: 1 });
  });

  it("refuses a path id that is not a uuid", async () => {
    const response = await ctx.request({ path: "/api/v1/people/123", as: admin });
    expect(expectProblem(response, 400, "validation_failed")).toContain("params.id");
  });
});

describe("read, update, delete", () => {
  it("reads a person by id with its version as ETag, and lists it", async () => {
    const person = await buildPerson(ctx, admin, {
      firstName: "Grace",
      lastName: "Hopper",
      tags: ["vip", "vip", " a "],
    });
    expect(person.tags).toEqual(["vip", "a"]);
    const response = await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(response.body).toEqual(person);
    const list = await ctx.request({ path: `/api/v1/people?filter[id][eq]=${person.id}`, as: admin });
    expect(list.body.data).toEqual([person]);
  });

  it("answers 404 person_not_found for an unknown id", async () => {
    const response = await ctx.request({
      path: "/api/v1/people/0190a000-0000-7000-8000-000000000000",
      as: admin,
    });
    expectProblem(response, 404, "person_not_found");
  });

  it("updates only the fields sent and bumps the version", async () => {
    const person = await buildPerson(ctx, admin, {
      firstName: "Alan",
      lastName: "Turing",
      jobTitle: "Mathematician",
    });
    const response = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { jobTitle: "Computer scientist", email: "ALAN@example.org" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"2"');
    expect(response.body).toMatchObject({
      firstName: "Alan",
      lastName: "Turing",
      jobTitle: "Computer scientist",
      email: "alan@example.org",
      version: 2,
    });
    expect(Date.parse(response.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(person.updatedAt));
    const cleared = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { jobTitle: null },
    });
    expect(cleared.body).toMatchObject({ jobTitle: null, version: 3 });
  });

  it("refuses a stale If-Match with 412 and changes nothing", async () => {
    const person = await buildPerson(ctx, admin, { lastName: "Lovelace" });
    const first = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      headers: { "if-match": '"1"' },
      body: { firstName: "Ada" },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);

    const stale = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      headers: { "if-match": "1" },
      body: { firstName: "Augusta" },
    });
    expectProblem(stale, 412, "version_conflict");
    const reread = await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin });
    expect(reread.body).toMatchObject({ firstName: "Ada", version: 2 });

    const fresh = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      headers: { "if-match": "2" },
      body: { firstName: "Augusta" },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ firstName: "Augusta", version: 3 });
  });

  it("lets exactly one of two concurrent updates with the same If-Match win", async () => {
    const person = await buildPerson(ctx, admin, { firstName: "Start" });
    const results = await Promise.all(
      ["Left", "Right"].map((firstName) =>
        ctx.request({
          method: "PATCH",
          path: `/api/v1/people/${person.id}`,
          as: admin,
          headers: { "if-match": "1" },
          body: { firstName },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const reread = await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin });
    expect(reread.body).toMatchObject({ firstName: winner.body.firstName, version: 2 });
    const audit = await ctx.request({ path: `/api/v1/audit-log?recordId=${person.id}`, as: admin });
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
  });

  it("refuses an If-Match that is not a version number", async () => {
    const person = await buildPerson(ctx, admin);
    const response = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      headers: { "if-match": "*abc" },
      body: { firstName: "X" },
    });
    expect(expectProblem(response, 400, "validation_failed")).toContain("headers.if-match");
  });

  it("deletes to the trash: 204, then 404 on read, update and a second delete", async () => {
    const person = await buildPerson(ctx, admin);
    const deleted = await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: admin });
    expect(deleted.status).toBe(204);
    expectProblem(
      await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin }),
      404,
      "person_not_found",
    );
    expectProblem(
      await ctx.request({
        method: "PATCH",
        path: `/api/v1/people/${person.id}`,
        as: admin,
        body: { firstName: "Z" },
      }),
      404,
      "person_not_found",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: admin }),
      404,
      "person_not_found",
    );
    const list = await ctx.request({ path: `/api/v1/people?filter[id][eq]=${person.id}`, as: admin });
    expect(list.body.data).toEqual([]);
  });

  it("restores only what is in the trash", async () => {
    const person = await buildPerson(ctx, admin);
    expectProblem(
      await ctx.request({ method: "POST", path: `/api/v1/people/${person.id}/restore`, as: admin }),
      409,
      "not_in_trash",
    );
    expectProblem(
      await ctx.request({ method: "POST", path: `/api/v1/people/${admin.workspaceId}/restore`, as: admin }),
      404,
      "person_not_found",
    );
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: admin });
    const restored = await ctx.request({
      method: "POST",
      path: `/api/v1/people/${person.id}/restore`,
      as: admin,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: person.id, lastName: person.lastName, deletedAt: null });
    expect((await ctx.request({ path: `/api/v1/people/${person.id}`, as: admin })).status).toBe(200);
  });
});

describe("employments", () => {
  it("closes the old employment and opens a new one when the company changes", async () => {
    const acme = await buildCompany(ctx, admin, { name: "Acme" });
    const globex = await buildCompany(ctx, admin, { name: "Globex" });
    const person = await buildPerson(ctx, admin, { companyId: acme.id, jobTitle: "Engineer" });

    const initial = await ctx.request({ path: `/api/v1/people/${person.id}/employments`, as: admin });
    expect(initial.status).toBe(200);
    expect(initial.body.data).toEqual([
      expect.objectContaining({
        companyId: acme.id,
        companyName: "Acme",
        jobTitle: "Engineer",
        endedAt: null,
      }),
    ]);

    // a change that does not touch the company opens nothing
    await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { firstName: "Bo" },
    });
    const unchanged = await ctx.request({ path: `/api/v1/people/${person.id}/employments`, as: admin });
    expect(unchanged.body.data).toHaveLength(1);

    const moved = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { companyId: globex.id, jobTitle: "Lead" },
    });
    expect(moved.body.companyId).toBe(globex.id);
    const history = (await ctx.request({ path: `/api/v1/people/${person.id}/employments`, as: admin })).body
      .data as TEmployment[];
    expect(history.map((e) => e.companyId)).toEqual([globex.id, acme.id]); // newest first
    expect(history[0]).toMatchObject({ companyName: "Globex", jobTitle: "Lead", endedAt: null });
    expect(history[1]!.endedAt).not.toBeNull();
    expect(Date.parse(history[1]!.endedAt!)).toBeLessThanOrEqual(Date.parse(history[0]!.startedAt));
    expect(Date.parse(history[1]!.endedAt!)).toBeGreaterThanOrEqual(Date.parse(history[1]!.startedAt));

    const left = await ctx.request({
      method: "PATCH",
      path: `/api/v1/people/${person.id}`,
      as: admin,
      body: { companyId: null },
    });
    expect(left.body.companyId).toBeNull();
    const after = (await ctx.request({ path: `/api/v1/people/${person.id}/employments`, as: admin })).body
      .data as TEmployment[];
    expect(after).toHaveLength(2);
    expect(after.every((e) => e.endedAt !== null)).toBe(true);
  });

  it("has no employment for a person without a company", async () => {
    const person = await buildPerson(ctx, admin);
    const response = await ctx.request({ path: `/api/v1/people/${person.id}/employments`, as: admin });
    expect(response.body).toEqual({ data: [] });
  });

  it("answers 404 for the employments of an unknown person", async () => {
    const response = await ctx.request({
      path: "/api/v1/people/0190a000-0000-7000-8000-000000000000/employments",
      as: admin,
    });
    expectProblem(response, 404, "person_not_found");
  });
});

describe("filters on people", () => {
  it("filters by address parts, birthday and company", async () => {
    const other = await buildWorkspace(ctx, admin);
    const company = await buildCompany(ctx, other);
    const berlin = await buildPerson(ctx, other, {
      address: { city: "Berlin", postalCode: "10115", country: "DE" },
      birthday: "1990-05-01",
      companyId: company.id,
    });
    const wien = await buildPerson(ctx, other, {
      address: { city: "Wien", country: "AT" },
      birthday: "1985-12-24",
    });
    const nowhere = await buildPerson(ctx, other);
    const ids = async (filter: string) =>
      ((await ctx.request({ path: `/api/v1/people?${filter}`, as: other })).body.data as TPerson[])
        .map((p) => p.id)
        .sort();
    expect(await ids("filter[city][eq]=Berlin")).toEqual([berlin.id]);
    expect(await ids("filter[country][in]=DE,AT")).toEqual([berlin.id, wien.id].sort());
    expect(await ids("filter[postalCode][startsWith]=101")).toEqual([berlin.id]);
    expect(await ids("filter[birthday][lt]=1988-01-01")).toEqual([wien.id]);
    expect(await ids("filter[birthday][isNull]=true")).toEqual([nowhere.id]);
    expect(await ids(`filter[companyId][eq]=${company.id}`)).toEqual([berlin.id]);
    expect(await ids("filter[companyId][isNull]=true")).toEqual([wien.id, nowhere.id].sort());
    for (const value of ["May", "2024-02-30", "2023-13-01"]) {
      const bad = await ctx.request({ path: `/api/v1/people?filter[birthday][eq]=${value}`, as: other });
      expect(expectProblem(bad, 400, "invalid_filter"), value).toEqual(["filter[birthday][eq]"]);
    }
  });

  it("searches names and email with q", async () => {
    const other = await buildWorkspace(ctx, admin);
    const person = await buildPerson(ctx, other, {
      firstName: "Hedy",
      lastName: "Lamarr",
      email: "hedy@films.example",
    });
    await buildPerson(ctx, other, { lastName: "Someone" });
    for (const q of ["hedy", "LAMARR"]) {
      const response = await ctx.request({ path: `/api/v1/people?q=${encodeURIComponent(q)}`, as: other });
      expect(
        response.body.data.map((p: TPerson) => p.id),
        q,
      ).toEqual([person.id]);
    }
  });
});
