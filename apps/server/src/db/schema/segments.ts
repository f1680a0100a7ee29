import { sql } from "drizzle-orm";
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

/**
 * The distinct name words of a workspace's people and companies (decision 0020): the typo search
 * matches the query against these few words, not against every record. Kept by triggers on
 * people and companies in the same statement as the write (migration 0012).
 */
export const searchWords = pgTable(
  "search_words",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    word: text("word").notNull(),
  },
  (table) => [
    // The word first: an index led by workspace_id would draw the planner away from the trigram
    // index (it filtered all 12,000 words of a workspace, 10 ms, instead of ~1 ms).
    primaryKey({ columns: [table.word, table.workspaceId] }),
    // No pending list: a bulk of new words (an import) would otherwise be scanned linearly by
    // every search until the next vacuum, and the planner shuns the index meanwhile.
    index("search_words_word_idx").using("gin", sql`${table.word} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);
