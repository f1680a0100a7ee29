import { fileTypeFromBuffer } from "file-type";

/** File kinds Kontor accepts, by the extension a name may carry and the type its bytes show. */
const BINARY_TYPES: Record<string, string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "image/heic": ["heic"],
  "image/tiff": ["tif", "tiff"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/x-cfb": ["doc", "xls", "ppt", "msg"],
  "application/zip": ["zip"],
  "message/rfc822": ["eml"],
  "audio/mpeg": ["mp3"],
  "video/mp4": ["mp4", "m4a"],
};
const TEXT_EXTENSIONS = new Set(["txt", "csv", "md", "ics", "vcf", "json", "xml", "log", "eml"]);
const PREVIEWABLE = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export type FileCheck = { ok: true; contentType: string } | { ok: false; reason: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function looksLikeText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data.subarray(0, 64 * 1024));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides a file's type by its content (magic bytes via file-type), never by its name or the
 * client's Content-Type: the name's extension must agree with what the bytes are, so a file
 * renamed to .pdf that is not a PDF is refused.
 */
export async function checkFileContent(name: string, data: Buffer): Promise<FileCheck> {
  const extension = extensionOf(name);
  const detected = await fileTypeFromBuffer(data);
  if (!detected) {
    if (TEXT_EXTENSIONS.has(extension) && looksLikeText(data)) {
      return { ok: true, contentType: extension === "csv" ? "text/csv" : "text/plain" };
    }
    return { ok: false, reason: `The content is not a valid .${extension || "?"} file` };
  }
  const allowed = BINARY_TYPES[detected.mime];
  if (!allowed) return { ok: false, reason: `Files of type ${detected.mime} are not accepted` };
  if (!allowed.includes(extension)) {
    return {
      ok: false,
      reason: `The content is ${detected.mime}, which does not match .${extension || "?"}`,
    };
  }
  return { ok: true, contentType: detected.mime };
}

export const isPreviewable = (contentType: string) => PREVIEWABLE.has(contentType);
