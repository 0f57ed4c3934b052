-- CASE-11: a payment record is evidence of what the party paid and when; it is never changed or
-- removed (a mistake is followed by a correcting record).
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
SELECT liuhen_guard_truncate();
