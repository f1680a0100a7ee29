export * from "./auth.ts";
export * from "./collaboration.ts";
export * from "./records.ts";
export * from "./segments.ts";
export * from "./system.ts";
export * from "./workspaces.ts";
