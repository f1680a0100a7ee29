CREATE TABLE "merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"object" text NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"undone_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"workspace_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_members_segment_id_record_id_pk" PRIMARY KEY("segment_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"object" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"definition" jsonb,
	"description" text
);
--> statement-breakpoint
DROP INDEX "companies_search_trgm_idx";--> statement-breakpoint
DROP INDEX "people_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merges_ws_idx" ON "merges" USING btree ("workspace_id","survivor_id");--> statement-breakpoint
CREATE INDEX "segment_members_record_idx" ON "segment_members" USING btree ("workspace_id","record_id");--> statement-breakpoint
CREATE INDEX "segments_ws_object_idx" ON "segments" USING btree ("workspace_id","object");--> statement-breakpoint
CREATE INDEX "companies_search_text_idx" ON "companies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_search_text_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_additional_emails_idx" ON "people" USING gin ("additional_emails");--> statement-breakpoint
CREATE INDEX "people_additional_phones_idx" ON "people" USING gin ("additional_phones");