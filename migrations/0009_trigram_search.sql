-- Substring search of party names, matter numbers and titles (issue 4 search) with trigram
-- indexes; pg_trgm extracts trigrams from Chinese text in UTF-8 databases (C.UTF-8 included).
-- pg_trgm is a trusted extension: a database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS matter_parties_name_trgm ON matter_parties USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS matters_number_trgm ON matters USING gin (number gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS matters_title_trgm ON matters USING gin (title gin_trgm_ops);
