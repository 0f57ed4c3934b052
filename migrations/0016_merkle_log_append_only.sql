-- The Merkle log (INT-1) is evidence: its leaves, subtree hashes and signed checkpoints are never
-- changed or removed. Row triggers refuse UPDATE/DELETE; row triggers do not fire on TRUNCATE, so
-- a statement trigger refuses that too. log_pending is a queue the integrator empties.
CREATE TRIGGER log_leaves_append_only BEFORE UPDATE OR DELETE ON log_leaves FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_nodes_append_only BEFORE UPDATE OR DELETE ON log_nodes FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE ON log_checkpoints FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_leaves_no_truncate BEFORE TRUNCATE ON log_leaves FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_nodes_no_truncate BEFORE TRUNCATE ON log_nodes FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_no_truncate BEFORE TRUNCATE ON log_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
-- Every audit event is queued for the log in the transaction that inserts it, whoever inserts it:
-- a trigger rather than a second statement in recordAudit, so no insert path can skip the log
-- and an audited write pays no extra round trip. A rolled-back event takes its queue row with it.
CREATE OR REPLACE FUNCTION liuhen_queue_for_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log_pending (audit_seq) VALUES (NEW.seq);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_queue_for_log AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION liuhen_queue_for_log();
--> statement-breakpoint
-- Events recorded before the log existed become its first leaves, in their order.
INSERT INTO log_pending (audit_seq) SELECT seq FROM audit_events ORDER BY seq;
