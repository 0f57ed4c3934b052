-- Witness keys and their cosignatures are evidence (INT-1, INT-2): never changed, deleted or
-- truncated (row triggers do not fire on TRUNCATE, hence the statement triggers).
CREATE TRIGGER witnesses_append_only BEFORE UPDATE OR DELETE ON witnesses FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER witnesses_no_truncate BEFORE TRUNCATE ON witnesses FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_cosignatures_append_only BEFORE UPDATE OR DELETE ON log_cosignatures FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_cosignatures_no_truncate BEFORE TRUNCATE ON log_cosignatures FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
