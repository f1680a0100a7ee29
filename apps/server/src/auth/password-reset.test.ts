import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../lib/mailer.ts";
import { createTestContext, type TestContext, type TestUser } from "../test/harness.ts";

let smtp: SMTPServer;
const inbox: { to: string; raw: string }[] = [];
let ctx: TestContext;
let user: TestUser;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => {
        raw += chunk;
      });
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  ctx = await createTestContext({
    mailer: createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "Kontor <kontor@example.de>" }),
  });
  user = await ctx.createUser({ role: "member" });
});

afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function signIn(email: string, password: string) {
  return fetch(`${ctx.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000" },
    body: JSON.stringify({ email, password }),
  });
}

describe("password reset through a real SMTP server", () => {
  it("mails a one-time link that sets a new password", async () => {
    expect((await signIn(user.email, user.password)).status).toBe(200);

    const request = await fetch(`${ctx.baseUrl}/api/auth/request-password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000" },
      body: JSON.stringify({ email: user.email, redirectTo: "/reset-password" }),
    });
    expect(request.status).toBe(200);
    for (let i = 0; i < 50 && inbox.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toBe(user.email);
    const body = inbox[0]!.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(body)?.[1];
    expect(token).toBeTruthy();

    const reset = await fetch(`${ctx.baseUrl}/api/auth/reset-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000" },
      body: JSON.stringify({ newPassword: "a-brand-new-password", token }),
    });
    expect(reset.status).toBe(200);
    expect((await signIn(user.email, user.password)).status).toBe(401);
    const fresh = await signIn(user.email, "a-brand-new-password");
    expect(fresh.status).toBe(200);
    expect(JSON.stringify(await fresh.json())).not.toContain("a-brand-new-password");

    // The token is single-use.
    const again = await fetch(`${ctx.baseUrl}/api/auth/reset-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000" },
      body: JSON.stringify({ newPassword: "yet-another-password", token }),
    });
    expect(again.status).toBe(400);
  });
});
