import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

/** Append-only audit trail: one row per create, update, delete, restore, purge or merge. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    workspaceId: uuid("workspace_id").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    action: text("action").notNull(),
    actorId: uuid("actor_id"),
    changes: jsonb("changes").$type<Record<string, { old: unknown; new: unknown }>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("audit_log_record_idx").on(table.workspaceId, table.recordId, table.id)],
);

/** Domain events (outbox): written in the same transaction as the change; jobs react to them. */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    workspaceId: uuid("workspace_id").notNull(),
    type: text("type").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    actorId: uuid("actor_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true, precision: 3 }),
  },
  (table) => [index("domain_events_pending_idx").on(table.dispatchedAt, table.id)],
);

/** Stored responses of POST requests sent with an Idempotency-Key header. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: uuid("workspace_id").notNull(),
    actorId: uuid("actor_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.actorId, table.key] })],
);

/** Instance-wide settings shared by every process (e.g. the generated auth secret). */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
