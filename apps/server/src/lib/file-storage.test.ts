import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFolderStorage, type FileStorage } from "./file-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

const key = () => `${randomUUID()}/${randomUUID()}`;

async function roundTrip(storage: FileStorage) {
  const id = key();
  const data = Buffer.from("%PDF-1.4 Kontor ü");
  await storage.put(id, data);
  expect((await storage.get(id)).equals(data)).toBe(true);
  await storage.delete(id);
  await expect(storage.get(id)).rejects.toThrow();
  await storage.delete(id); // deleting twice is fine
}

describe("folder storage", () => {
  const root = mkdtempSync(path.join(tmpdir(), "kontor-files-test-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("stores, reads and deletes files, leaving no temporary files", async () => {
    const storage = createFolderStorage(root);
    await roundTrip(storage);
    const id = key();
    await storage.put(id, Buffer.from("x"));
    expect(existsSync(path.join(root, id))).toBe(true);
    expect(readdirSync(path.join(root, id.split("/")[0]!))).toEqual([id.split("/")[1]]);
  });

  it("refuses keys that could leave the folder", async () => {
    const storage = createFolderStorage(root);
    await expect(storage.put("../../etc/passwd", Buffer.from("x"))).rejects.toThrow(/Unsafe/);
    await expect(storage.get(`${randomUUID()}/../../x`)).rejects.toThrow(/Unsafe/);
  });
});

describe("S3-compatible storage", () => {
  it("signs requests and talks path-style to the bucket", async () => {
    const objects = new Map<string, Buffer>();
    const seen: { method: string; url: string; authorization: string }[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", () => {
        seen.push({
          method: request.method!,
          url: request.url!,
          authorization: String(request.headers.authorization),
        });
        const url = request.url!;
        if (request.method === "PUT") objects.set(url, Buffer.concat(chunks));
        if (request.method === "DELETE") objects.delete(url);
        if (request.method === "GET" && !objects.has(url)) {
          response.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
          return;
        }
        response.writeHead(200).end(request.method === "GET" ? objects.get(url) : undefined);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const storage = createS3Storage({
        endpoint: `http://127.0.0.1:${port}/`,
        bucket: "kontor-files",
        region: "eu-central-1",
        accessKeyId: "test-key",
        secretAccessKey: "test-secret",
      });
      await roundTrip(storage);
      expect(seen.map((request) => request.method)).toEqual(["PUT", "GET", "DELETE", "GET", "DELETE"]);
      for (const request of seen) {
        expect(request.url).toMatch(/^\/kontor-files\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
        expect(request.authorization).toMatch(
          /^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/eu-central-1\/s3\/aws4_request/,
        );
      }
    } finally {
      server.close();
    }
  });
});
