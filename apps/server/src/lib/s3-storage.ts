import { AwsClient } from "aws4fetch";
import type { FileStorage } from "./file-storage.ts";

export interface S3StorageOptions {
  /** e.g. https://s3.eu-central-1.amazonaws.com, https://fsn1.your-objectstorage.com, http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files in an S3-compatible bucket (AWS, MinIO, Hetzner, Wasabi, ...), path-style URLs, requests
 * signed with AWS Signature V4 by aws4fetch.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: "s3",
    retries: 3,
  });
  const base = `${options.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}`;
  const urlOf = (key: string) => `${base}/${key.split("/").map(encodeURIComponent).join("/")}`;

  async function expectOk(response: Response, what: string) {
    if (response.ok) return;
    const detail = (await response.text().catch(() => "")).slice(0, 300);
    throw new Error(`S3 ${what} failed with ${response.status}: ${detail}`);
  }

  return {
    async put(key, data) {
      const response = await client.fetch(urlOf(key), {
        method: "PUT",
        body: data,
        headers: { "content-type": "application/octet-stream" },
      });
      await expectOk(response, "PUT");
    },
    async get(key) {
      const response = await client.fetch(urlOf(key), { method: "GET" });
      await expectOk(response, "GET");
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await client.fetch(urlOf(key), { method: "DELETE" });
      if (response.status === 404) return;
      await expectOk(response, "DELETE");
    },
  };
}
