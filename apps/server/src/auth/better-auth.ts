import { randomBytes } from "node:crypto";
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import { uuidv7 } from "uuidv7";
import type { Database } from "../db/client.ts";
import { account, apikey, instanceSettings, session, user, verification } from "../db/schema/index.ts";
import type { Mailer } from "../lib/mailer.ts";

export interface CreateAuthOptions {
  db: Database;
  baseUrl: string;
  secret: string;
  mailer: Mailer;
  log: Logger;
}

export const API_KEY_PREFIX = "kontor_";

/** better-auth configured for Kontor: email + password, sessions in the database, API keys. */
export function createAuth({ db, baseUrl, secret, mailer, log }: CreateAuthOptions) {
  return betterAuth({
    appName: "Kontor",
    baseURL: baseUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [baseUrl],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user, session, account, verification, apikey },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user: target, url }) => {
        const sent = await mailer.send({
          to: target.email,
          subject: "Kontor: reset your password / Passwort zurücksetzen",
          text: `Open this link to choose a new password (valid for one hour):\n${url}\n\nÖffnen Sie diesen Link, um ein neues Passwort zu wählen (eine Stunde gültig):\n${url}\n`,
        });
        if (!sent) log.warn({ email: target.email }, "no SMTP configured: password reset mail not sent");
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      cookieCache: { enabled: true, maxAge: 60 },
    },
    advanced: {
      database: { generateId: () => uuidv7() },
      useSecureCookies: baseUrl.startsWith("https://"),
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: {
      log: (level, message) => {
        if (level === "error") log.error(message);
        else if (level === "warn") log.warn(message);
        else log.debug(message);
      },
    },
    plugins: [
      apiKey({
        defaultPrefix: API_KEY_PREFIX,
        enableMetadata: true,
        // Kontor rate-limits in front of the API, not per key. Keys are created without a
        // rate-limit window (see api-keys.service.ts), which is the plugin's only path that does
        // not write the key row on every request (a row lock that serialises concurrent calls).
        rateLimit: { enabled: true },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The secret that signs sessions. KONTOR_AUTH_SECRET wins; otherwise one is generated once
 * and kept in the database so every process of the installation shares it.
 */
export async function resolveAuthSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const [existing] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, "auth_secret"));
  if (existing) return existing.value;
  await db
    .insert(instanceSettings)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [stored] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, "auth_secret"));
  if (!stored) throw new Error("auth secret could not be stored");
  return stored.value;
}
