import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import { recordColumns } from "./columns.ts";
import { workspaces } from "./workspaces.ts";

/** Saved segments: a dynamic filter definition, or a static list of members. */
export const segments = pgTable(
  "segments",
  {
    ...recordColumns(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    object: text("object").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    definition: jsonb("definition").$type<unknown>(),
    description: text("description"),
  },
  (table) => [index("segments_ws_object_idx").on(table.workspaceId, table.object)],
);

export const segmentMembers = pgTable(
  "segment_members",
  {
    workspaceId: uuid("workspace_id").notNull(),
    segmentId: uuid("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    recordId: uuid("record_id").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.segmentId, table.recordId] }),
    index("segment_members_record_idx").on(table.workspaceId, table.recordId),
  ],
);

/** A merge of two people or companies, with what is needed to undo it for 30 days. */
export const merges = pgTable(
  "merges",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    workspaceId: uuid("workspace_id").notNull(),
    object: text("object").notNull(),
    survivorId: uuid("survivor_id").notNull(),
    mergedId: uuid("merged_id").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    undoneAt: timestamp("undone_at", { withTimezone: true, precision: 3 }),
  },
  (table) => [index("merges_ws_idx").on(table.workspaceId, table.survivorId)],
);
