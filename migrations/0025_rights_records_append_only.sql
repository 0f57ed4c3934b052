-- CASE-8, CASE-9: what the party said or asked and what the agency decided on it is evidence; it is
-- never changed or removed (a correction is a new record).
CREATE TRIGGER rights_records_append_only BEFORE UPDATE OR DELETE ON rights_records FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
SELECT liuhen_guard_truncate();
