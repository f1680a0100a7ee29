import { z } from "zod";
import { ZCountry } from "./common.ts";
import { ZPermission } from "./permissions.ts";
import { ZRole } from "./roles.ts";

const ZLabelled = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and _"),
  label: z.string().trim().min(1).max(60),
});

export const ZWorkspaceSettings = z.strictObject({
  defaultRegion: ZCountry,
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
  relationshipTypes: z.array(ZLabelled).max(50),
  relationLabels: z.array(ZLabelled).max(100),
});
export type TWorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;

export const DEFAULT_WORKSPACE_SETTINGS: TWorkspaceSettings = {
  defaultRegion: "DE",
  defaultCurrency: "EUR",
  relationshipTypes: [
    { key: "customer", label: "Customer" },
    { key: "prospect", label: "Prospect" },
    { key: "supplier", label: "Supplier" },
    { key: "partner", label: "Partner" },
    { key: "competitor", label: "Competitor" },
  ],
  relationLabels: [
    { key: "parent_of", label: "Parent of" },
    { key: "subsidiary_of", label: "Subsidiary of" },
    { key: "partner_of", label: "Partner of" },
    { key: "assistant_of", label: "Assistant of" },
    { key: "referred_by", label: "Referred by" },
    { key: "employee_of", label: "Employee of" },
  ],
};

export const ZWorkspaceSettingsUpdate = ZWorkspaceSettings.partial();

export const ZWorkspace = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
  /** What this role may do here, derived from the server's policies (see `PERMISSIONS`). */
  permissions: z.array(ZPermission),
  settings: ZWorkspaceSettings,
  createdAt: z.iso.datetime(),
});
export type TWorkspace = z.infer<typeof ZWorkspace>;

export const ZWorkspaceCreateRequest = z.strictObject({ name: z.string().trim().min(1).max(100) });

/** The languages of Kontor's texts: the web app's and what the server writes to a user (reminders). */
export const LANGUAGES = ["de", "en"] as const;
export const ZLanguage = z.enum(LANGUAGES);
export type Language = z.infer<typeof ZLanguage>;

export const ZMe = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    /** The language the user last used the web app in; null until then (German is used). */
    language: ZLanguage.nullable(),
  }),
  workspaces: z.array(ZWorkspace),
});
export type TMe = z.infer<typeof ZMe>;
export const ZMeUpdateRequest = z.strictObject({ language: ZLanguage });
export type TMeUpdateRequest = z.infer<typeof ZMeUpdateRequest>;

export const ZSetupStatus = z.object({ needsSetup: z.boolean() });

export const ZSetupRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(10, "Use at least 10 characters").max(128),
  name: z.string().trim().min(1).max(100),
  workspaceName: z.string().trim().min(1).max(100),
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  createdAt: z.iso.datetime(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZMemberCreateRequest = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, "Use at least 10 characters").max(128),
  role: ZRole,
});
export const ZMemberUpdateRequest = z.strictObject({ role: ZRole });

export const ZApiKeyCreateRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.int().min(1).max(3650).nullish(),
});
export const ZApiKey = z.object({
  id: z.string(),
  name: z.string().nullable(),
  start: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
});
export const ZApiKeyCreated = ZApiKey.extend({ key: z.string() });
