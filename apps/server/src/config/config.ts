import path from "node:path";
import { z } from "zod";

const ZConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default("127.0.0.1"),
  dataDir: z.string().default("./data"),
  databaseUrl: z.string().optional(),
  baseUrl: z.string().url().optional(),
  authSecret: z.string().min(32).optional(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default("Kontor <kontor@localhost>"),
  trustProxy: z.coerce.boolean().default(false),
  /** Document files in an S3-compatible bucket instead of `dataDir/files` (all five set, or none). */
  s3: z
    .object({
      endpoint: z.string().url(),
      bucket: z.string().min(1),
      region: z.string().min(1),
      accessKeyId: z.string().min(1),
      secretAccessKey: z.string().min(1),
    })
    .optional(),
});

export type Config = z.infer<typeof ZConfig> & { dataDir: string; baseUrl: string };

/** Reads the environment once into a typed config; throws with every wrong variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ZConfig.safeParse({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.KONTOR_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    baseUrl: env.KONTOR_BASE_URL || undefined,
    authSecret: env.KONTOR_AUTH_SECRET || undefined,
    logLevel: env.LOG_LEVEL,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    trustProxy: env.TRUST_PROXY,
    s3: env.KONTOR_S3_BUCKET
      ? {
          endpoint: env.KONTOR_S3_ENDPOINT,
          bucket: env.KONTOR_S3_BUCKET,
          region: env.KONTOR_S3_REGION ?? "us-east-1",
          accessKeyId: env.KONTOR_S3_ACCESS_KEY_ID,
          secretAccessKey: env.KONTOR_S3_SECRET_ACCESS_KEY,
        }
      : undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const config = { ...parsed.data, ...overrides };
  return {
    ...config,
    dataDir: path.resolve(config.dataDir),
    baseUrl:
      config.baseUrl ?? `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`,
  };
}
