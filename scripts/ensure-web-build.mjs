#!/usr/bin/env node
// Builds the web app when its build is missing or older than its sources, so that
// `npm start` serves a current web app without rebuilding on every start.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "apps/web");
const builtIndex = path.join(web, "dist/index.html");

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const sources = ["src", "public", "index.html", "vite.config.ts", "package.json"]
  .map((entry) => path.join(web, entry))
  .filter((entry) => existsSync(entry));
const sourceTime = Math.max(...sources.map(newestMtime));
const contractsTime = newestMtime(path.join(root, "packages/contracts/src"));

if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < Math.max(sourceTime, contractsTime)) {
  console.log("Building the web app…");
  execSync("npm run build --workspace @kontor/web", { cwd: root, stdio: "inherit" });
}
