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
-- Events recorded before the log existed become its first leaves, in their order.
INSERT INTO log_pending (audit_seq) SELECT seq FROM audit_events ORDER BY seq;
