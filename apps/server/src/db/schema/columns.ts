import { sql } from "drizzle-orm";
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

/** Columns every business table carries (see ARCHITECTURE.md, data rules). */
export const recordColumns = () => ({
  id: uuid("id")
    .primaryKey()
    .$defaultFn(() => uuidv7()),
  workspaceId: uuid("workspace_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  createdBy: uuid("created_by"),
  version: integer("version").notNull().default(1),
});

/** Soft delete columns for records that go to the trash. */
export const trashColumns = () => ({
  deletedAt: timestamp("deleted_at", { withTimezone: true, precision: 3 }),
  deletedBy: uuid("deleted_by"),
});

export const emptyJsonArray = sql`'[]'::jsonb`;
export const emptyJsonObject = sql`'{}'::jsonb`;
