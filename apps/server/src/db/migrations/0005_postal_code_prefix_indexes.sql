DROP INDEX "people_ws_postal_code_idx";--> statement-breakpoint
CREATE INDEX "companies_ws_postal_code_prefix_idx" ON "companies" USING btree ("workspace_id",("address"->>'postalCode') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_ws_postal_code_prefix_idx" ON "people" USING btree ("workspace_id",("address"->>'postalCode') text_pattern_ops);