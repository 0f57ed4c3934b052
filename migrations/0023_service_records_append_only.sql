-- SRV-1: a service record is evidence of when the party received a document; it is never
-- changed or removed (a mistake is followed by a new record).
CREATE TRIGGER service_records_append_only BEFORE UPDATE OR DELETE ON service_records FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
SELECT liuhen_guard_truncate();
