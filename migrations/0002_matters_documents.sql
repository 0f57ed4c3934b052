CREATE TABLE "matter_number_counters" (
	"agency_id" uuid NOT NULL,
	"category" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "matter_number_counters_agency_id_category_year_pk" PRIMARY KEY("agency_id","category","year")
);
--> statement-breakpoint
CREATE TABLE "matter_officers" (
	"matter_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "matter_officers_matter_id_officer_id_pk" PRIMARY KEY("matter_id","officer_id")
);
--> statement-breakpoint
CREATE TABLE "matter_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_number" text NOT NULL,
	"address" text,
	"phone" text,
	"legal_representative" text
);
--> statement-breakpoint
CREATE TABLE "matter_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"step" text NOT NULL,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"approval_stage" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text,
	"note" text,
	"officer_ids" jsonb NOT NULL,
	"av_condition_applies" boolean,
	"av_omission" jsonb,
	"details" jsonb,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid,
	"number" text NOT NULL,
	"category" text NOT NULL,
	"start_route" text NOT NULL,
	"title" text NOT NULL,
	"source" text,
	"summary" text,
	"origin_matter_id" uuid,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"emergency_started_at" timestamp with time zone,
	"retro_reported_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"decision" text NOT NULL,
	"opinion" text NOT NULL,
	"signature_key" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_name" text
);
--> statement-breakpoint
CREATE TABLE "document_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_name" text NOT NULL,
	"method" text NOT NULL,
	"object_key" text,
	"refusal_reason" text,
	"witness_name" text,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_by_name" text
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"step_id" uuid,
	"type_id" text NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"replaces_id" uuid,
	"correction_reason" text,
	"number" text,
	"status" text NOT NULL,
	"fields" jsonb NOT NULL,
	"content_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text,
	"updated_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by_name" text
);
--> statement-breakpoint
ALTER TABLE "matter_officers" ADD CONSTRAINT "matter_officers_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_officers" ADD CONSTRAINT "matter_officers_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD CONSTRAINT "matter_parties_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_steps" ADD CONSTRAINT "matter_steps_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_approvals" ADD CONSTRAINT "step_approvals_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_approvals" ADD CONSTRAINT "step_approvals_step_id_matter_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."matter_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_step_id_matter_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."matter_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_officers_officer" ON "matter_officers" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "matter_parties_matter" ON "matter_parties" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matter_parties_name" ON "matter_parties" USING btree ("name");--> statement-breakpoint
CREATE INDEX "matter_steps_matter" ON "matter_steps" USING btree ("matter_id","occurred_at");--> statement-breakpoint
CREATE INDEX "matter_steps_pending" ON "matter_steps" USING btree ("status","approval_stage");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_agency_number" ON "matters" USING btree ("agency_id","number");--> statement-breakpoint
CREATE INDEX "matters_agency_created" ON "matters" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "matters_agency_phase" ON "matters" USING btree ("agency_id","phase");--> statement-breakpoint
CREATE INDEX "matters_unit" ON "matters" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "step_approvals_step" ON "step_approvals" USING btree ("step_id","at");--> statement-breakpoint
CREATE INDEX "document_attachments_document" ON "document_attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_signatures_document" ON "document_signatures" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "documents_matter" ON "documents" USING btree ("matter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_lineage_version" ON "documents" USING btree ("lineage_id","version");