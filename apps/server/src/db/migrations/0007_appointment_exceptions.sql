ALTER TABLE "appointments" ADD COLUMN "excluded_starts" timestamp (3) with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "original_starts_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_id_appointments_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_series_occurrence_idx" ON "appointments" USING btree ("workspace_id","series_id","original_starts_at") WHERE series_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_exception_shape" CHECK ((series_id IS NULL AND original_starts_at IS NULL) OR (series_id IS NOT NULL AND original_starts_at IS NOT NULL AND recurrence IS NULL));