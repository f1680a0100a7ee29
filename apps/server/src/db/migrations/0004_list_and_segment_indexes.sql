CREATE INDEX "companies_ws_industry_idx" ON "companies" USING btree ("workspace_id","industry");--> statement-breakpoint
CREATE INDEX "people_ws_city_created_idx" ON "people" USING btree ("workspace_id",("address"->>'city'),"created_at","id");--> statement-breakpoint
CREATE INDEX "people_ws_postal_code_idx" ON "people" USING btree ("workspace_id",("address"->>'postalCode'));