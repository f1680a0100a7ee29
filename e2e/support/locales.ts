import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./server.ts";

export type Language = "de" | "en";

const cache = new Map<string, Record<string, unknown>>();

/**
 * A UI text from the web app's locale files, so tests assert what a person reads without copying it.
 * Example: `uiText("de", "common", "nav.people")` -> "Personen".
 */
export function uiText(language: Language, namespace: string, key: string): string {
  const file = path.join(repoRoot, "apps/web/src/locales", language, `${namespace}.json`);
  let messages = cache.get(file);
  if (!messages) {
    messages = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    cache.set(file, messages);
  }
  let value: unknown = messages;
  for (const part of key.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== "string") throw new Error(`no text ${language}/${namespace}:${key}`);
  return value;
}
