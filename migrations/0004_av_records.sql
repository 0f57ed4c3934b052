CREATE TABLE "av_bookmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"av_record_id" uuid NOT NULL,
	"at_second" integer NOT NULL,
	"key_point" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "av_derivatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"av_record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object_key" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "av_interruptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"matter_id" uuid,
	"step_id" uuid,
	"av_record_id" uuid,
	"cause" text NOT NULL,
	"interrupted_at" timestamp with time zone NOT NULL,
	"resumed_at" timestamp with time zone,
	"resume_statement" text,
	"written_explanation" text,
	"reported_to" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "av_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"matter_id" uuid,
	"step_id" uuid,
	"kind" text NOT NULL,
	"object_key" text NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"original_file_name" text,
	"device_serial" text,
	"officer_id" uuid,
	"recorded_by" text DEFAULT 'officer' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"place" text,
	"latitude" double precision,
	"longitude" double precision,
	"title" text,
	"classification" text,
	"description" text,
	"key_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remote_work" boolean DEFAULT false NOT NULL,
	"returned_at" timestamp with time zone,
	"exception_approved" boolean DEFAULT false NOT NULL,
	"late_reason" text,
	"protocol" jsonb,
	"media_facts" jsonb,
	"ingested_at" timestamp with time zone NOT NULL,
	"organised_at" timestamp with time zone,
	"upload_id" text,
	"created_by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "av_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"size" bigint,
	"offset" bigint DEFAULT 0 NOT NULL,
	"metadata" jsonb NOT NULL,
	"declared_sha256" text,
	"info" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"av_record_id" uuid,
	"failure" text
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "av_bookmarks" ADD CONSTRAINT "av_bookmarks_av_record_id_av_records_id_fk" FOREIGN KEY ("av_record_id") REFERENCES "public"."av_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_derivatives" ADD CONSTRAINT "av_derivatives_av_record_id_av_records_id_fk" FOREIGN KEY ("av_record_id") REFERENCES "public"."av_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_interruptions" ADD CONSTRAINT "av_interruptions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_interruptions" ADD CONSTRAINT "av_interruptions_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_interruptions" ADD CONSTRAINT "av_interruptions_step_id_matter_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."matter_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_interruptions" ADD CONSTRAINT "av_interruptions_av_record_id_av_records_id_fk" FOREIGN KEY ("av_record_id") REFERENCES "public"."av_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_records" ADD CONSTRAINT "av_records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_records" ADD CONSTRAINT "av_records_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_records" ADD CONSTRAINT "av_records_step_id_matter_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."matter_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_records" ADD CONSTRAINT "av_records_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_uploads" ADD CONSTRAINT "av_uploads_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "av_bookmarks_record" ON "av_bookmarks" USING btree ("av_record_id","at_second");--> statement-breakpoint
CREATE INDEX "av_derivatives_record" ON "av_derivatives" USING btree ("av_record_id");--> statement-breakpoint
CREATE INDEX "av_interruptions_matter" ON "av_interruptions" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "av_records_agency" ON "av_records" USING btree ("agency_id","ingested_at");--> statement-breakpoint
CREATE INDEX "av_records_matter" ON "av_records" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "av_records_object" ON "av_records" USING btree ("object_key");--> statement-breakpoint
CREATE INDEX "av_uploads_agency" ON "av_uploads" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_ready" ON "jobs" USING btree ("status","run_after");