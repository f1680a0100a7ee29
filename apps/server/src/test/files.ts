import type { TestContext, TestUser } from "./harness.ts";

/** A small valid one-page PDF showing `text` in Helvetica (its text is extracted for search). */
export function makePdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/** Uploads a file as a document (or, with `documentId`, a new version of it); returns the document. */
export async function buildDocument(
  ctx: TestContext,
  user: TestUser,
  options: { recordType: string; recordId: string; name: string; data: Buffer; documentId?: string },
) {
  const path = options.documentId
    ? `/api/v1/documents/${options.documentId}/versions?name=${encodeURIComponent(options.name)}`
    : `/api/v1/documents?recordType=${options.recordType}&recordId=${options.recordId}&name=${encodeURIComponent(options.name)}`;
  const response = await fetch(`${ctx.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", authorization: `Bearer ${user.apiKey}` },
    body: options.data,
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`buildDocument: ${response.status} ${JSON.stringify(body)}`);
  return body as { id: string; name: string; currentVersion: number; version: number };
}

/** GETs a binary endpoint (download, preview, .ics): the status and the body as text. */
export async function fetchRaw(ctx: TestContext, user: TestUser | null, path: string) {
  const response = await fetch(`${ctx.baseUrl}${path}`, {
    headers: user ? { authorization: `Bearer ${user.apiKey}` } : {},
  });
  return { status: response.status, text: await response.text() };
}
