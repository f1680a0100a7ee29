DROP INDEX "activities_ws_occurred_idx";--> statement-breakpoint
DROP INDEX "activities_ws_created_idx";--> statement-breakpoint
DROP INDEX "appointments_ws_starts_idx";--> statement-breakpoint
DROP INDEX "documents_ws_created_idx";--> statement-breakpoint
DROP INDEX "projects_ws_created_idx";--> statement-breakpoint
DROP INDEX "tasks_ws_due_idx";--> statement-breakpoint
DROP INDEX "tasks_ws_assignee_idx";--> statement-breakpoint
DROP INDEX "tasks_reminder_due_idx";--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
CREATE INDEX "activities_ws_trash_idx" ON "activities" USING btree ("workspace_id","deleted_at","id") WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "appointments_ws_trash_idx" ON "appointments" USING btree ("workspace_id","deleted_at","id") WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "comments_ws_trash_idx" ON "comments" USING btree ("workspace_id","deleted_at","id") WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "documents_ws_trash_idx" ON "documents" USING btree ("workspace_id","deleted_at","id") WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "projects_ws_trash_idx" ON "projects" USING btree ("workspace_id","deleted_at","id") WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_ws_trash_idx" ON "tasks" USING btree ("workspace_id","deleted_at","id") WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "activities_ws_occurred_idx" ON "activities" USING btree ("workspace_id","occurred_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "activities_ws_created_idx" ON "activities" USING btree ("workspace_id","created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "appointments_ws_starts_idx" ON "appointments" USING btree ("workspace_id","starts_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "documents_ws_created_idx" ON "documents" USING btree ("workspace_id","created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "projects_ws_created_idx" ON "projects" USING btree ("workspace_id","created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_ws_due_idx" ON "tasks" USING btree ("workspace_id","due_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_ws_assignee_idx" ON "tasks" USING btree ("workspace_id","assignee_id","status") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_reminder_due_idx" ON "tasks" USING btree ("reminder_at") WHERE reminder_sent_at IS NULL AND deleted_at IS NULL;