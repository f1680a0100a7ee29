DROP INDEX "companies_ws_postal_code_prefix_idx";--> statement-breakpoint
DROP INDEX "people_ws_postal_code_prefix_idx";--> statement-breakpoint
DROP INDEX "companies_ws_industry_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "postal_code" text GENERATED ALWAYS AS (("address" ->> 'postalCode')) STORED;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "postal_code" text GENERATED ALWAYS AS (("address" ->> 'postalCode')) STORED;--> statement-breakpoint
CREATE INDEX "companies_ws_postal_code_idx" ON "companies" USING btree ("workspace_id","postal_code" text_pattern_ops,"id") WHERE "companies"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "people_ws_postal_code_idx" ON "people" USING btree ("workspace_id","postal_code" text_pattern_ops,"company_id") WHERE "people"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "companies_ws_industry_idx" ON "companies" USING btree ("workspace_id","industry","id") WHERE "companies"."deleted_at" IS NULL;