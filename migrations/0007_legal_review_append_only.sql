-- REV-1..4: the list versions, assessments and the review conversation are never changed or
-- deleted; a review row changes only through its own workflow (status, decision), never its
-- frozen materials.
CREATE TRIGGER major_decision_lists_append_only BEFORE UPDATE OR DELETE ON major_decision_lists FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER major_assessments_append_only BEFORE UPDATE OR DELETE ON major_assessments FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_messages_append_only BEFORE UPDATE OR DELETE ON legal_review_messages FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION liuhen_refuse_review_materials_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'liuhen: legal reviews are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.materials::text <> OLD.materials::text OR NEW.materials_hash <> OLD.materials_hash OR NEW.received_at <> OLD.received_at OR NEW.submission_version <> OLD.submission_version THEN
    RAISE EXCEPTION 'liuhen: submitted materials are frozen' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER legal_reviews_materials_frozen BEFORE UPDATE OR DELETE ON legal_reviews FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_review_materials_change();
