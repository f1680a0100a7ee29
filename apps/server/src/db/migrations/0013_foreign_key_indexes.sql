DROP INDEX "people_ws_company_idx";--> statement-breakpoint
DROP INDEX "milestones_project_idx";--> statement-breakpoint
DROP INDEX "employments_person_idx";--> statement-breakpoint
DROP INDEX "employments_company_idx";--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "appointments" USING btree ("series_id") WHERE series_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_company_idx" ON "people" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "milestones_project_idx" ON "milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "employments_person_idx" ON "employments" USING btree ("person_id","started_at");--> statement-breakpoint
CREATE INDEX "employments_company_idx" ON "employments" USING btree ("company_id");