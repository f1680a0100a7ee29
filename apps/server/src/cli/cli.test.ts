import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockFilePath } from "../db/lock.ts";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/kontor.mjs");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runKontor(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function startKontor(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, "start"], {
    env: { ...process.env, LOG_LEVEL: "info", ...env },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (output.includes("Kontor is running")) return { child, output: () => output };
    if (child.exitCode !== null) throw new Error(`kontor start exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`kontor start did not come up: ${output}`);
}

function stopKontor(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
const json = (response: Response): Promise<any> => response.json();

describe("kontor CLI on the embedded database", () => {
  let dataDir: string;
  let env: Record<string, string>;
  const port = String(34_000 + Math.floor(Math.random() * 1000));

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "kontor-cli-"));
    env = { KONTOR_DATA_DIR: dataDir, PORT: port, DATABASE_URL: "" };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses bad input with a clear message and a non-zero exit", async () => {
    const bad = await runKontor(
      ["users", "create", "--email", "not-an-email", "--password", "short", "--name", "X"],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--email");
    expect(bad.stderr).toContain("--password");
    const unknown = await runKontor(["frobnicate"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Unknown command");
    const badRole = await runKontor(
      [
        "users",
        "create",
        "--email",
        "a@b.de",
        "--password",
        "long-enough-pw",
        "--name",
        "A",
        "--role",
        "owner",
      ],
      env,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("--role");
  }, 180_000);

  it("creates users and API keys without a running server, then the server serves them", async () => {
    const created = await runKontor(
      [
        "users",
        "create",
        "--email",
        "ada@example.de",
        "--password",
        "a-long-password",
        "--name",
        "Ada",
        "--role",
        "admin",
        "--workspace",
        "Acme",
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('workspace "Acme"');

    const key = await runKontor(
      ["api-keys", "create", "--email", "ada@example.de", "--workspace", "Acme"],
      env,
    );
    expect(key.code, key.stderr).toBe(0);
    const apiKey = lastLine(key.stdout);
    expect(apiKey).toMatch(/^kontor_\S{20,}$/);

    const server = await startKontor(env);
    try {
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(me.status).toBe(200);
      expect((await json(me)).user.email).toBe("ada@example.de");

      // A second server on the same data folder is refused with a clear message.
      const second = await runKontor(["start"], { ...env, PORT: String(Number(port) + 1) });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("in use by another Kontor process");

      // While the server owns the embedded database, the CLI goes through it.
      const viaServer = await runKontor(
        [
          "users",
          "create",
          "--email",
          "bob@example.de",
          "--password",
          "another-password",
          "--name",
          "Bob",
          "--role",
          "readonly",
          "--workspace",
          "Acme",
        ],
        env,
      );
      expect(viaServer.code, viaServer.stderr).toBe(0);
      const bobKey = lastLine(
        (await runKontor(["api-keys", "create", "--email", "bob@example.de"], env)).stdout,
      );
      const bobMe = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
        headers: { authorization: `Bearer ${bobKey}` },
      });
      expect((await json(bobMe)).workspaces[0]).toMatchObject({ name: "Acme", role: "readonly" });

      const duplicate = await runKontor(
        [
          "users",
          "create",
          "--email",
          "bob@example.de",
          "--password",
          "another-password",
          "--name",
          "Bob",
          "--workspace",
          "Acme",
        ],
        env,
      );
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toContain("already a member");
    } finally {
      expect(await stopKontor(server.child)).toBe(0);
    }
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  }, 300_000);

  it("keeps every record across a restart and shuts down cleanly on SIGTERM", async () => {
    const apiKey = lastLine(
      (await runKontor(["api-keys", "create", "--email", "ada@example.de"], env)).stdout,
    );
    const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
    let server = await startKontor(env);
    const ids: string[] = [];
    try {
      for (const name of ["Anna", "Bernd", "Clara"]) {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/people`, {
          method: "POST",
          headers,
          body: JSON.stringify({ firstName: name, lastName: "Beispiel" }),
        });
        expect(response.status).toBe(201);
        ids.push((await json(response)).id);
      }
    } finally {
      expect(await stopKontor(server.child)).toBe(0);
    }
    expect(server.output()).toContain("stopped");

    server = await startKontor(env);
    try {
      const list = await fetch(
        `http://127.0.0.1:${port}/api/v1/people?filter[lastName][eq]=Beispiel&sort=firstName`,
        { headers },
      );
      const body = await json(list);
      expect(body.data.map((person: { id: string }) => person.id)).toEqual(ids);
    } finally {
      await stopKontor(server.child);
    }
  }, 300_000);

  it("applies migrations with `kontor migrate` and is idempotent", async () => {
    const first = await runKontor(["migrate"], env);
    const second = await runKontor(["migrate"], env);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Migrations applied");
  }, 180_000);
});

describe.runIf(process.env.KONTOR_TEST_DATABASE_URL)("kontor CLI on PostgreSQL", () => {
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const { default: pg } = await import("pg");
    const serverUrl = process.env.KONTOR_TEST_DATABASE_URL!;
    const name = `kontor_cli_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
  });
  afterAll(() => dropDatabase());

  it("runs two web processes and a worker on one database, migrating once", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kontor-pg-"));
    const base = { DATABASE_URL: databaseUrl, KONTOR_DATA_DIR: dataDir };
    const portA = String(35_000 + Math.floor(Math.random() * 500));
    const portB = String(Number(portA) + 1);
    const [a, b] = await Promise.all([
      startKontor({ ...base, PORT: portA, KONTOR_SERVICES: "web" }),
      startKontor({ ...base, PORT: portB }),
    ]);
    try {
      const created = await runKontor(
        [
          "users",
          "create",
          "--email",
          "pg@example.de",
          "--password",
          "a-long-password",
          "--name",
          "Pg",
          "--workspace",
          "PG",
        ],
        base,
      );
      expect(created.code, created.stderr).toBe(0);
      const apiKey = lastLine(
        (await runKontor(["api-keys", "create", "--email", "pg@example.de"], base)).stdout,
      );
      const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
      const post = await fetch(`http://127.0.0.1:${portA}/api/v1/companies`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "Shared GmbH" }),
      });
      expect(post.status).toBe(201);
      const { id } = await json(post);
      const read = await fetch(`http://127.0.0.1:${portB}/api/v1/companies/${id}`, { headers });
      expect(read.status).toBe(200);
      expect((await json(read)).name).toBe("Shared GmbH");
    } finally {
      await Promise.all([stopKontor(a.child), stopKontor(b.child)]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
