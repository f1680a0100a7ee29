import { and, asc, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { savedViews } from "../../db/schema/index.ts";
import { AppError, forbidden } from "../../errors/app-error.ts";
import { type Actor, rolePolicy } from "../../lib/policy.ts";

export const ZSavedViewFilter = z.strictObject({
  field: z.string().min(1).max(100),
  op: z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "startsWith", "isNull"]),
  value: z.string().max(1000),
});

export const ZSavedViewCreateRequest = z.strictObject({
  object: z.enum(["person", "company"]),
  name: z.string().trim().min(1).max(100),
  visibility: z.enum(["private", "shared"]).default("private"),
  filters: z.array(ZSavedViewFilter).max(30).default([]),
  columns: z.array(z.string().min(1).max(100)).max(60).default([]),
  sort: z.string().max(100).nullish(),
});
export type TSavedViewCreateRequest = z.infer<typeof ZSavedViewCreateRequest>;

export const ZSavedViewUpdateRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  visibility: z.enum(["private", "shared"]).optional(),
  filters: z.array(ZSavedViewFilter).max(30).optional(),
  columns: z.array(z.string().min(1).max(100)).max(60).optional(),
  sort: z.string().max(100).nullish(),
});

export const ZSavedView = z.object({
  id: z.uuid(),
  object: z.enum(["person", "company"]),
  name: z.string(),
  visibility: z.enum(["private", "shared"]),
  filters: z.array(ZSavedViewFilter),
  columns: z.array(z.string()),
  sort: z.string().nullable(),
  ownerId: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

type Row = typeof savedViews.$inferSelect;

function present(row: Row): z.infer<typeof ZSavedView> {
  return {
    id: row.id,
    object: row.object as "person" | "company",
    name: row.name,
    visibility: row.visibility as "private" | "shared",
    filters: row.filters as z.infer<typeof ZSavedViewFilter>[],
    columns: row.columns,
    sort: row.sort,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Saved list views: private to their owner or shared with the workspace. */
export function createSavedViewsService({ db }: { db: Database }) {
  async function findVisible(actor: Actor, id: string) {
    const [row] = await db
      .select()
      .from(savedViews)
      .where(
        and(
          eq(savedViews.workspaceId, actor.workspaceId),
          eq(savedViews.id, id),
          or(eq(savedViews.ownerId, actor.userId), eq(savedViews.visibility, "shared")),
        ),
      );
    if (!row) throw new AppError("not_found", "No such view.");
    return row;
  }

  function assertCanChange(actor: Actor, row: Row) {
    if (row.ownerId !== actor.userId && !rolePolicy.canConfigure(actor))
      throw forbidden("Only its owner, an admin or a manager changes a shared view.");
  }

  return {
    async list(actor: Actor, object?: "person" | "company") {
      const conditions = [
        eq(savedViews.workspaceId, actor.workspaceId),
        or(eq(savedViews.ownerId, actor.userId), eq(savedViews.visibility, "shared")),
      ];
      if (object) conditions.push(eq(savedViews.object, object));
      const rows = await db
        .select()
        .from(savedViews)
        .where(and(...conditions))
        .orderBy(asc(savedViews.name));
      return rows.map(present);
    },

    async create(actor: Actor, input: TSavedViewCreateRequest) {
      if (input.visibility === "shared" && !rolePolicy.canWrite(actor))
        throw forbidden("The readonly role cannot share views.");
      const [row] = await db
        .insert(savedViews)
        .values({
          ...input,
          sort: input.sort ?? null,
          workspaceId: actor.workspaceId,
          ownerId: actor.userId,
          createdBy: actor.userId,
        })
        .returning();
      return present(row!);
    },

    async update(actor: Actor, id: string, input: z.infer<typeof ZSavedViewUpdateRequest>) {
      const row = await findVisible(actor, id);
      assertCanChange(actor, row);
      if (input.visibility === "shared" && !rolePolicy.canWrite(actor))
        throw forbidden("The readonly role cannot share views.");
      const [updated] = await db
        .update(savedViews)
        .set({ ...input, updatedAt: new Date(), version: row.version + 1 })
        .where(and(eq(savedViews.workspaceId, actor.workspaceId), eq(savedViews.id, id)))
        .returning();
      return present(updated!);
    },

    async remove(actor: Actor, id: string) {
      const row = await findVisible(actor, id);
      assertCanChange(actor, row);
      await db
        .delete(savedViews)
        .where(and(eq(savedViews.workspaceId, actor.workspaceId), eq(savedViews.id, id)));
    },
  };
}

export type SavedViewsService = ReturnType<typeof createSavedViewsService>;
