-- Before (record, kind) becomes unique on av_derivatives (next migration): a duplicate could only
-- come from two runs of one derive job at once, the race that unique index closes. A derivative is
-- a copy made from the original (which is untouched, AV-3) and can be made again, so the first of
-- each (record, kind) stays and later duplicates go; their objects stay in the write-once store.
-- The append-only trigger is lifted for this one statement only.
ALTER TABLE av_derivatives DISABLE TRIGGER av_derivatives_append_only;
--> statement-breakpoint
DELETE FROM av_derivatives d USING av_derivatives e
WHERE d.av_record_id = e.av_record_id AND d.kind = e.kind AND (e.created_at, e.id) < (d.created_at, d.id);
--> statement-breakpoint
ALTER TABLE av_derivatives ENABLE TRIGGER av_derivatives_append_only;
