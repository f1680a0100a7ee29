export * from "./auth.ts";
export * from "./records.ts";
export * from "./system.ts";
export * from "./workspaces.ts";
