-- AV-3: what identifies an original never changes: its object, size and type, and when it was
-- ingested. Organising metadata may be edited (audited); bookmarks and interruptions are append-only.
CREATE OR REPLACE FUNCTION liuhen_refuse_av_original_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'liuhen: audio-visual records are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.object_key <> OLD.object_key OR NEW.size <> OLD.size OR NEW.media_type <> OLD.media_type OR NEW.ingested_at <> OLD.ingested_at OR NEW.agency_id <> OLD.agency_id THEN
    RAISE EXCEPTION 'liuhen: the original of an audio-visual record never changes' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER av_records_original_immutable BEFORE UPDATE OR DELETE ON av_records FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_av_original_change();
--> statement-breakpoint
CREATE TRIGGER av_derivatives_append_only BEFORE UPDATE OR DELETE ON av_derivatives FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER av_bookmarks_append_only BEFORE UPDATE OR DELETE ON av_bookmarks FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
