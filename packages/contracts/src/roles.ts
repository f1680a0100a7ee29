import { z } from "zod";

export const ROLES = ["admin", "manager", "member", "readonly"] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;
