import { z } from "zod";

export const SEARCH_TYPES = ["person", "company"] as const;

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  types: z
    .string()
    .regex(/^(person|company)(,(person|company))*$/, "Comma-separated list of person, company")
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const ZSearchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  matchedBy: z.enum(["email", "phone", "text"]),
  score: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchResult = z.object({
  query: z.string(),
  groups: z.array(z.object({ type: z.enum(SEARCH_TYPES), hits: z.array(ZSearchHit) })),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
