-- AV-2: per-agency limit on the size of one uploaded AV file (bytes); NULL = only the platform limit
-- (LIUHEN_UPLOAD_MAX_BYTES). The effective limit is the smaller of the two.
ALTER TABLE "agencies" ADD COLUMN "av_upload_max_bytes" bigint;
