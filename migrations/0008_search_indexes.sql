DROP INDEX "matters_agency_phase";--> statement-breakpoint
DROP INDEX "matters_unit";--> statement-breakpoint
CREATE INDEX "matter_parties_id_number" ON "matter_parties" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "matters_agency_category" ON "matters" USING btree ("agency_id","category","created_at");--> statement-breakpoint
CREATE INDEX "matters_agency_status" ON "matters" USING btree ("agency_id","status","created_at");--> statement-breakpoint
CREATE INDEX "step_approvals_matter" ON "step_approvals" USING btree ("matter_id","at");--> statement-breakpoint
CREATE INDEX "matters_agency_phase" ON "matters" USING btree ("agency_id","phase","created_at");--> statement-breakpoint
CREATE INDEX "matters_unit" ON "matters" USING btree ("unit_id","created_at");