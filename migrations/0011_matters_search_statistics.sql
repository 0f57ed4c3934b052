CREATE INDEX "matters_agency_category_phase" ON "matters" USING btree ("agency_id","category","phase","created_at");--> statement-breakpoint
-- Category, phase and status move together (a simple-procedure penalty is soon closed, an
-- archived matter is in the archiving phase): without these statistics the planner multiplies
-- their selectivities as if independent and can walk a whole index for a combination that is rare.
CREATE STATISTICS IF NOT EXISTS matters_category_phase_status (mcv, dependencies) ON category, phase, status FROM matters;
