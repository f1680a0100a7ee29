import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import { emptyJsonArray, emptyJsonObject, recordColumns, trashColumns } from "./columns.ts";
import { workspaces } from "./workspaces.ts";

// Communication history, tasks, appointments, comments, notifications, documents and projects
// (issue 4). Every table is scoped by workspace_id; links to CRM records go through record_links.

const workspaceRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const newId = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => uuidv7());
/** Rows not in the trash: list indexes are partial so they hold only what lists can show. */
const live = sql`deleted_at IS NULL`;
/** The trash of one table, newest first (trash list) and by age (purge). */
const inTrash = sql`deleted_at IS NOT NULL`;

/**
 * Links an activity, task, appointment or project (the source) to any number of records
 * (person, company; later deals and tickets) by type and id.
 */
export const recordLinks = pgTable(
  "record_links",
  {
    id: newId(),
    workspaceId: workspaceRef(),
    sourceType: text("source_type").notNull(),
    sourceId: uuid("source_id").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("record_links_unique_idx").on(
      table.workspaceId,
      table.sourceType,
      table.sourceId,
      table.recordType,
      table.recordId,
    ),
    index("record_links_record_idx").on(table.workspaceId, table.recordType, table.recordId),
  ],
);

/** A note, call, meeting, hand-logged email or letter. body_html is sanitised before it is stored. */
export const activities = pgTable(
  "activities",
  {
    ...recordColumns(),
    ...trashColumns(),
    workspaceId: workspaceRef(),
    type: text("type").notNull(),
    subject: text("subject").notNull(),
    bodyHtml: text("body_html").notNull().default(""),
    occurredAt: ts("occurred_at").notNull(),
    authorId: uuid("author_id"),
    direction: text("direction"),
    durationMinutes: integer("duration_minutes"),
    outcome: text("outcome"),
  },
  (table) => [
    index("activities_ws_occurred_idx").on(table.workspaceId, table.occurredAt, table.id).where(live),
    index("activities_ws_created_idx").on(table.workspaceId, table.createdAt, table.id).where(live),
    index("activities_ws_trash_idx").on(table.workspaceId, table.deletedAt, table.id).where(inTrash),
  ],
);

export const tasks = pgTable(
  "tasks",
  {
    ...recordColumns(),
    ...trashColumns(),
    workspaceId: workspaceRef(),
    title: text("title").notNull(),
    description: text("description"),
    dueAt: ts("due_at"),
    reminderAt: ts("reminder_at"),
    /** Set in the same transaction that writes the reminder notification (exactly-once claim). */
    reminderSentAt: ts("reminder_sent_at"),
    assigneeId: uuid("assignee_id"),
    priority: text("priority").notNull().default("normal"),
    status: text("status").notNull().default("open"),
    completedAt: ts("completed_at"),
    recurrence: text("recurrence"),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
    activityId: uuid("activity_id"),
    projectId: uuid("project_id"),
  },
  (table) => [
    index("tasks_ws_due_idx").on(table.workspaceId, table.dueAt, table.id).where(live),
    index("tasks_ws_assignee_idx").on(table.workspaceId, table.assigneeId, table.status).where(live),
    // only reminders still to deliver (a task in the trash never reminds)
    index("tasks_reminder_due_idx")
      .on(table.reminderAt)
      .where(sql`reminder_sent_at IS NULL AND deleted_at IS NULL`),
    // not partial: a purged project detaches its tasks, trashed ones too
    index("tasks_ws_project_idx").on(table.workspaceId, table.projectId),
    index("tasks_ws_trash_idx").on(table.workspaceId, table.deletedAt, table.id).where(inTrash),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    ...recordColumns(),
    ...trashColumns(),
    workspaceId: workspaceRef(),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    allDay: boolean("all_day").notNull().default(false),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
    recurrence: text("recurrence"),
    /** A series: occurrence starts removed from it (EXDATE), as UTC instants. */
    excludedStarts: ts("excluded_starts").array().notNull().default(sql`'{}'::timestamptz[]`),
    /** An exception: the series it replaces one occurrence of, and that occurrence's start (RECURRENCE-ID). */
    seriesId: uuid("series_id").references((): AnyPgColumn => appointments.id, { onDelete: "cascade" }),
    originalStartsAt: ts("original_starts_at"),
  },
  (table) => [
    index("appointments_ws_starts_idx").on(table.workspaceId, table.startsAt, table.id).where(live),
    index("appointments_ws_trash_idx").on(table.workspaceId, table.deletedAt, table.id).where(inTrash),
    // Deleting a series finds its moved occurrences (foreign key) through this index.
    index("appointments_series_idx").on(table.seriesId).where(sql`series_id IS NOT NULL`),
    uniqueIndex("appointments_series_occurrence_idx")
      .on(table.workspaceId, table.seriesId, table.originalStartsAt)
      .where(sql`series_id IS NOT NULL`),
    check(
      "appointments_exception_shape",
      sql`(series_id IS NULL AND original_starts_at IS NULL) OR (series_id IS NOT NULL AND original_starts_at IS NOT NULL AND recurrence IS NULL)`,
    ),
  ],
);

/** Attendees: workspace users and CRM contacts (people). */
export const appointmentAttendees = pgTable(
  "appointment_attendees",
  {
    workspaceId: workspaceRef(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    attendeeType: text("attendee_type").notNull(),
    attendeeId: uuid("attendee_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.appointmentId, table.attendeeType, table.attendeeId] }),
    index("appointment_attendees_who_idx").on(table.workspaceId, table.attendeeType, table.attendeeId),
  ],
);

/** One private iCalendar feed per user and workspace; only the token's SHA-256 is stored. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    workspaceId: workspaceRef(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.userId] })],
);

export const comments = pgTable(
  "comments",
  {
    ...recordColumns(),
    ...trashColumns(),
    workspaceId: workspaceRef(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    mentions: jsonb("mentions").$type<string[]>().notNull().default(emptyJsonArray),
  },
  (table) => [
    // not partial: merges move comments of a record, trashed ones too
    index("comments_record_idx").on(table.workspaceId, table.recordType, table.recordId, table.id),
    index("comments_ws_trash_idx").on(table.workspaceId, table.deletedAt, table.id).where(inTrash),
  ],
);

/** In-app notifications; dedupe_key makes every notifying event land at most once per user. */
export const notifications = pgTable(
  "notifications",
  {
    id: newId(),
    workspaceId: workspaceRef(),
    userId: uuid("user_id").notNull(),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    recordType: text("record_type"),
    recordId: uuid("record_id"),
    actorId: uuid("actor_id"),
    dedupeKey: text("dedupe_key").notNull(),
    readAt: ts("read_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("notifications_dedupe_idx").on(table.workspaceId, table.userId, table.dedupeKey),
    index("notifications_user_idx").on(table.workspaceId, table.userId, table.id),
  ],
);

export const notificationSettings = pgTable(
  "notification_settings",
  {
    workspaceId: workspaceRef(),
    userId: uuid("user_id").notNull(),
    settings: jsonb("settings").$type<Record<string, boolean>>().notNull().default(emptyJsonObject),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.userId] })],
);

/** A file attached to a record or activity; its bytes live in versions behind the file storage. */
export const documents = pgTable(
  "documents",
  {
    ...recordColumns(),
    ...trashColumns(),
    workspaceId: workspaceRef(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    currentVersion: integer("current_version").notNull().default(1),
    /** Text extracted from a PDF, for search. */
    textContent: text("text_content"),
  },
  (table) => [
    // not partial: merges move documents of a record, trashed ones too
    index("documents_record_idx").on(table.workspaceId, table.recordType, table.recordId),
    index("documents_ws_created_idx").on(table.workspaceId, table.createdAt, table.id).where(live),
    index("documents_ws_trash_idx").on(table.workspaceId, table.deletedAt, table.id).where(inTrash),
  ],
);

export const documentVersions = pgTable(
  "document_versions",
  {
    id: newId(),
    workspaceId: workspaceRef(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [uniqueIndex("document_versions_unique_idx").on(table.documentId, table.version)],
);

export const projects = pgTable(
  "projects",
  {
    ...recordColumns(),
    ...trashColumns(),
    workspaceId: workspaceRef(),
    name: text("name").notNull(),
    description: text("description"),
    companyId: uuid("company_id"),
    ownerId: uuid("owner_id"),
    memberIds: jsonb("member_ids").$type<string[]>().notNull().default(emptyJsonArray),
    startDate: date("start_date", { mode: "string" }),
    deadline: date("deadline", { mode: "string" }),
    status: text("status").notNull().default("planned"),
    /** The milestone list's own If-Match version, apart from `version` (decision 0017). */
    milestonesVersion: integer("milestones_version").notNull().default(1),
  },
  (table) => [
    index("projects_ws_created_idx").on(table.workspaceId, table.createdAt, table.id).where(live),
    // not partial: merges move projects of a company, trashed ones too
    index("projects_ws_company_idx").on(table.workspaceId, table.companyId),
    index("projects_ws_trash_idx").on(table.workspaceId, table.deletedAt, table.id).where(inTrash),
  ],
);

export const milestones = pgTable(
  "milestones",
  {
    id: newId(),
    workspaceId: workspaceRef(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    done: boolean("done").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [index("milestones_project_idx").on(table.projectId)],
);
