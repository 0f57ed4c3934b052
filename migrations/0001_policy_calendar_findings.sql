CREATE TABLE "agency_policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"built_in_profile_id" text NOT NULL,
	"profile" jsonb NOT NULL,
	"basis" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "calendar_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"year" integer NOT NULL,
	"notice" jsonb NOT NULL,
	"basis" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"matter_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"requirement" text NOT NULL,
	"state" text NOT NULL,
	"severity" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"unit_id" uuid,
	"officer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"late_by_ms" bigint,
	"rule" jsonb NOT NULL,
	"detail" jsonb NOT NULL,
	"summary" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text
);
--> statement-breakpoint
ALTER TABLE "agency_policy_versions" ADD CONSTRAINT "agency_policy_versions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_policy_versions_agency_version" ON "agency_policy_versions" USING btree ("agency_id","version");--> statement-breakpoint
CREATE INDEX "calendar_notices_year" ON "calendar_notices" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_open_key" ON "findings" USING btree ("agency_id","key") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "findings_agency_open" ON "findings" USING btree ("agency_id","resolved_at","first_seen_at");--> statement-breakpoint
CREATE INDEX "findings_matter" ON "findings" USING btree ("matter_id");