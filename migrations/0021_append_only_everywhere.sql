-- Defence in depth at the database (INT-2). Row triggers do not fire on TRUNCATE, and the
-- records of a matter itself (its steps, the matter's identity, AV interruptions, parties and
-- officers) had no trigger at all: a step could be backdated and its note rewritten unnoticed.

-- A recorded step is what happened: when, where, who, what was noted, which step of which
-- matter. Only its workflow state (status, approval stage) moves; it is never deleted.
CREATE OR REPLACE FUNCTION liuhen_refuse_recorded_step_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'liuhen: recorded steps are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF (NEW.id, NEW.matter_id, NEW.step, NEW.phase, NEW.occurred_at, NEW.place, NEW.note, NEW.officer_ids, NEW.av_condition_applies, NEW.av_omission, NEW.details, NEW.recorded_at, NEW.recorded_by_user_id, NEW.recorded_by_name)
     IS DISTINCT FROM (OLD.id, OLD.matter_id, OLD.step, OLD.phase, OLD.occurred_at, OLD.place, OLD.note, OLD.officer_ids, OLD.av_condition_applies, OLD.av_omission, OLD.details, OLD.recorded_at, OLD.recorded_by_user_id, OLD.recorded_by_name) THEN
    RAISE EXCEPTION 'liuhen: a recorded step never changes; only its approval status moves' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER matter_steps_recorded_immutable BEFORE UPDATE OR DELETE ON matter_steps FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_recorded_step_change();
--> statement-breakpoint
-- A matter's identity (agency, number, category, how it started, where it came from, when and by
-- whom it was created) never changes and a matter is never deleted. The fields derived from its
-- steps (phase, status, emergency/retro-report/end/archive times) and its descriptive text move.
CREATE OR REPLACE FUNCTION liuhen_refuse_matter_identity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'liuhen: matters are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF (NEW.id, NEW.agency_id, NEW.number, NEW.category, NEW.start_route, NEW.origin_matter_id, NEW.created_at, NEW.created_by_user_id)
     IS DISTINCT FROM (OLD.id, OLD.agency_id, OLD.number, OLD.category, OLD.start_route, OLD.origin_matter_id, OLD.created_at, OLD.created_by_user_id) THEN
    RAISE EXCEPTION 'liuhen: the identity of a matter never changes' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER matters_identity_immutable BEFORE UPDATE OR DELETE ON matters FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_matter_identity_change();
--> statement-breakpoint
-- AV-8: an interruption and its explanation are recorded once; the parties and the officers of a
-- matter are part of its record (no code path changes them; a correction is a new record).
CREATE TRIGGER av_interruptions_append_only BEFORE UPDATE OR DELETE ON av_interruptions FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER matter_parties_append_only BEFORE UPDATE OR DELETE ON matter_parties FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER matter_officers_append_only BEFORE UPDATE OR DELETE ON matter_officers FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
-- TRUNCATE fires no row trigger. Every table guarded by a liuhen_refuse_* row trigger gets a
-- statement trigger that refuses TRUNCATE too. Found from the catalog, so it covers every such
-- table that exists when this runs; liuhen_guard_truncate() can be called again by a later
-- migration that adds append-only tables (test/integration/append-only.test.ts checks them all).
CREATE OR REPLACE FUNCTION liuhen_guard_truncate() RETURNS void LANGUAGE plpgsql AS $$
DECLARE t regclass;
BEGIN
  FOR t IN
    SELECT DISTINCT tg.tgrelid::regclass FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
    WHERE NOT tg.tgisinternal AND p.proname LIKE 'liuhen\_refuse\_%' AND (tg.tgtype & 1) = 1
      AND NOT EXISTS (SELECT 1 FROM pg_trigger x WHERE x.tgrelid = tg.tgrelid AND NOT x.tgisinternal AND (x.tgtype & 32) = 32)
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change()', replace(t::text, '"', '') || '_no_truncate', t);
  END LOOP;
END $$;
--> statement-breakpoint
SELECT liuhen_guard_truncate();
