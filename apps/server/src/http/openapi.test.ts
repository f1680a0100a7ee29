import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateOpenApi, openApiSnapshotPath } from "../cli/export-openapi.ts";

describe("OpenAPI document", () => {
  it("matches the committed snapshot the web client is generated from", async () => {
    const current = await generateOpenApi();
    const snapshot = JSON.parse(readFileSync(openApiSnapshotPath, "utf8"));
    // When this fails: run `npm run openapi -w @kontor/server` and `npm run gen:api -w @kontor/web`.
    expect(current).toEqual(snapshot);
  });

  it("documents every public route with its schemas", async () => {
    const spec = (await generateOpenApi()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(spec.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/people",
      "/api/v1/people/{id}",
      "/api/v1/companies/{id}/restore",
      "/api/v1/custom-fields",
      "/api/v1/audit-log",
    ]) {
      expect(spec.paths[path], path).toBeDefined();
    }
    const createPerson = spec.paths["/api/v1/people"]!.post as {
      requestBody: unknown;
      responses: Record<string, unknown>;
    };
    expect(createPerson.requestBody).toBeDefined();
    expect(createPerson.responses["201"]).toBeDefined();
  });
});
