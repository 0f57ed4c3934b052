CREATE TABLE "fixity_checks" (
	"object_key" text PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"size" bigint,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "verify_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by_name" text,
	"finished_at" timestamp with time zone,
	"report" jsonb,
	"failure" text
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "commitments" jsonb;--> statement-breakpoint
CREATE INDEX "fixity_checks_checked" ON "fixity_checks" USING btree ("checked_at");--> statement-breakpoint
CREATE INDEX "verify_runs_requested" ON "verify_runs" USING btree ("requested_at");