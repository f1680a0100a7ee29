import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, buildPerson, expectProblem, query } from "../../test/factories.ts";
import { makePdf } from "../../test/files.ts";
import { createTestContext, type TestContext, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;
let admin: TestUser;
let member: TestUser;
let reader: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.createUser({ role: "admin", workspace: "docs-ws" });
  member = await ctx.createUser({ role: "member", workspace: "docs-ws" });
  reader = await ctx.createUser({ role: "readonly", workspace: "docs-ws" });
  stranger = await ctx.createUser({ role: "admin", workspace: "docs-other" });
});
afterAll(() => ctx.close());

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function upload(
  as: TestUser | null,
  params: Record<string, string>,
  data: Buffer,
  path = "/api/v1/documents",
) {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (as) headers.authorization = `Bearer ${as.apiKey}`;
  const response = await fetch(`${ctx.baseUrl}${path}${query(params)}`, {
    method: "POST",
    headers,
    body: data,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  return { status: response.status, headers: response.headers, body: body as any };
}

async function download(as: TestUser | null, path: string) {
  const response = await fetch(`${ctx.baseUrl}${path}`, {
    headers: as ? { authorization: `Bearer ${as.apiKey}` } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    data: Buffer.from(await response.arrayBuffer()),
  };
}

describe("documents", () => {
  it("attaches a PDF by content, extracts its text for search, downloads and previews it", async () => {
    const company = await buildCompany(ctx, admin);
    const pdf = makePdf("Rahmenvertrag Kontor 2026");
    const created = await upload(
      member,
      { recordType: "company", recordId: company.id, name: "Vertrag.pdf" },
      pdf,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: "Vertrag.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      currentVersion: 1,
      previewable: true,
    });
    const byText = await ctx.request({
      path: `/api/v1/documents${query({ q: "rahmenvertrag" })}`,
      as: reader,
    });
    expect(byText.body.data.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
    const byName = await ctx.request({ path: `/api/v1/documents${query({ q: "vertrag.pdf" })}`, as: reader });
    expect(byName.body.data).toHaveLength(1);
    const onRecord = await ctx.request({
      path: `/api/v1/documents${query({ "filter[recordId][eq]": company.id })}`,
      as: reader,
    });
    expect(onRecord.body.data).toHaveLength(1);

    const file = await download(reader, `/api/v1/documents/${created.body.id}/download`);
    expect(file.status).toBe(200);
    expect(file.data.equals(pdf)).toBe(true);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain('attachment; filename="Vertrag.pdf"');
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    const preview = await download(reader, `/api/v1/documents/${created.body.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-disposition")).toMatch(/^inline/);
  });

  it("refuses a file renamed to .pdf that is not a PDF, and other mismatches", async () => {
    const person = await buildPerson(ctx, admin);
    const target = { recordType: "person", recordId: person.id };
    const fake = await upload(
      member,
      { ...target, name: "rechnung.pdf" },
      Buffer.from("MZ\x90\x00 this is not a pdf at all"),
    );
    expectProblem({ ...fake, headers: fake.headers }, 415, "unsupported_media_type");
    const textAsPdf = await upload(member, { ...target, name: "notes.pdf" }, Buffer.from("just some text"));
    expectProblem(textAsPdf, 415, "unsupported_media_type");
    const pngAsPdf = await upload(member, { ...target, name: "bild.pdf" }, PNG);
    expectProblem(pngAsPdf, 415, "unsupported_media_type");
    const pdfAsPng = await upload(member, { ...target, name: "bild.png" }, makePdf("x"));
    expectProblem(pdfAsPng, 415, "unsupported_media_type");
    const elf = await upload(
      member,
      { ...target, name: "tool.txt" },
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
    );
    expectProblem(elf, 415, "unsupported_media_type");
    const count = await ctx.database.raw.query<{ n: string | number }>(
      "select count(*) as n from documents where record_id = $1",
      [person.id],
    );
    expect(Number(count.rows[0]!.n)).toBe(0);

    const png = await upload(member, { ...target, name: "foto.png" }, PNG);
    expect(png.body).toMatchObject({ contentType: "image/png", previewable: true });
    const csv = await upload(
      member,
      { ...target, name: "liste.csv" },
      Buffer.from("name;ort\nMüller;Köln\n"),
    );
    expect(csv.body).toMatchObject({ contentType: "text/csv", previewable: false });
    const noPreview = await download(member, `/api/v1/documents/${csv.body.id}/preview`);
    expect(noPreview.status).toBe(415);
  });

  it("enforces the size limit with 413", async () => {
    const person = await buildPerson(ctx, admin);
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x41);
    const response = await upload(
      member,
      { recordType: "person", recordId: person.id, name: "big.txt" },
      big,
    );
    expectProblem(response, 413, "payload_too_large");
  });

  it("keeps versions; older ones stay downloadable", async () => {
    const person = await buildPerson(ctx, admin);
    const first = await upload(
      member,
      { recordType: "person", recordId: person.id, name: "angebot.pdf" },
      makePdf("Version eins"),
    );
    const second = await upload(
      member,
      { name: "angebot-v2.pdf" },
      makePdf("Version zwei"),
      `/api/v1/documents/${first.body.id}/versions`,
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ currentVersion: 2, name: "angebot-v2.pdf" });
    const versions = await ctx.request({ path: `/api/v1/documents/${first.body.id}/versions`, as: reader });
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = await download(reader, `/api/v1/documents/${first.body.id}/download?version=1`);
    expect(old.data.toString("latin1")).toContain("Version eins");
    const current = await download(reader, `/api/v1/documents/${first.body.id}/download`);
    expect(current.data.toString("latin1")).toContain("Version zwei");
    const search = await ctx.request({
      path: `/api/v1/documents${query({ q: "Version zwei" })}`,
      as: reader,
    });
    expect(search.body.data.map((d: { id: string }) => d.id)).toContain(first.body.id);
  });

  it("cannot be downloaded from another workspace, without credentials or once the record is gone; readonly cannot write", async () => {
    const person = await buildPerson(ctx, admin);
    const document = await upload(
      admin,
      { recordType: "person", recordId: person.id, name: "geheim.pdf" },
      makePdf("geheim"),
    );
    const id = document.body.id;
    for (const path of [
      `/api/v1/documents/${id}/download`,
      `/api/v1/documents/${id}/preview`,
      `/api/v1/documents/${id}`,
    ]) {
      expect((await download(stranger, path)).status).toBe(404);
      expect((await download(null, path)).status).toBe(401);
    }
    expect((await download(stranger, `/api/v1/documents/${id}/versions`)).status).toBe(404);
    const theirs = await ctx.request({ path: `/api/v1/documents${query({ q: "geheim" })}`, as: stranger });
    expect(theirs.body.data).toHaveLength(0);
    expectProblem(
      await upload(stranger, { recordType: "person", recordId: person.id, name: "x.txt" }, Buffer.from("x")),
      400,
      "validation_failed",
    );
    expectProblem(
      await upload(reader, { recordType: "person", recordId: person.id, name: "x.txt" }, Buffer.from("x")),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/documents/${id}`, as: reader }),
      403,
      "forbidden",
    );
    expectProblem(
      await ctx.request({ method: "DELETE", path: `/api/v1/documents/${id}`, as: stranger }),
      404,
      "document_not_found",
    );

    // the record goes to the trash: its documents are no longer reachable
    await ctx.request({ method: "DELETE", path: `/api/v1/people/${person.id}`, as: admin });
    expect((await download(admin, `/api/v1/documents/${id}/download`)).status).toBe(404);
    await ctx.request({ method: "POST", path: `/api/v1/people/${person.id}/restore`, as: admin });
    expect((await download(admin, `/api/v1/documents/${id}/download`)).status).toBe(200);

    expect(
      (await ctx.request({ method: "DELETE", path: `/api/v1/documents/${id}`, as: member })).status,
    ).toBe(204);
    expect((await download(admin, `/api/v1/documents/${id}/download`)).status).toBe(404);
  });
});
