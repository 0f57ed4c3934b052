CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "av_derivatives_record";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "av_derivatives_record_kind" ON "av_derivatives" USING btree ("av_record_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_queued_once" ON "jobs" USING btree ("name","dedupe_key") WHERE status = 'queued' and dedupe_key is not null;