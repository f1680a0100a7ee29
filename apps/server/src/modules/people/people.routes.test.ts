import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
