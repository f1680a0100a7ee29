#!/usr/bin/env node
// Entry of the `kontor` command: runs the TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
