-- Evidence is sacred (INT-2, DOC-4, CASE-4): rows that record what happened are never changed
-- or deleted by any code path. These triggers refuse it at the database too, so a bug or a
-- hand-written query cannot do it either; the refusal itself is an error the API maps to 409.
CREATE OR REPLACE FUNCTION liuhen_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'liuhen: % on % is not allowed: this record is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION liuhen_refuse_issued_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'liuhen: documents are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'liuhen: an issued document never changes; correct it with a new version' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER agency_policy_versions_append_only BEFORE UPDATE OR DELETE ON agency_policy_versions FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER calendar_notices_append_only BEFORE UPDATE OR DELETE ON calendar_notices FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER step_approvals_append_only BEFORE UPDATE OR DELETE ON step_approvals FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_signatures_append_only BEFORE UPDATE OR DELETE ON document_signatures FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_attachments_append_only BEFORE UPDATE OR DELETE ON document_attachments FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER documents_issued_immutable BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_issued_document_change();
