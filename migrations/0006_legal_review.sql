CREATE TABLE "legal_review_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"submission_version" integer NOT NULL,
	"status" text NOT NULL,
	"materials" jsonb NOT NULL,
	"materials_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_by_name" text,
	"reviewer_user_id" uuid,
	"reviewer_name" text,
	"extension_approved_at" timestamp with time zone,
	"extension_approved_by_name" text,
	"completed_at" timestamp with time zone,
	"points" jsonb,
	"fail_reasons" jsonb,
	"explanation" text,
	"opinion_document_id" uuid,
	"discussion_step_id" uuid,
	"discussion_conclusion" text
);
--> statement-breakpoint
CREATE TABLE "major_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"major" text NOT NULL,
	"list_version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "major_decision_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"disabled_criteria" jsonb NOT NULL,
	"basis" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text
);
--> statement-breakpoint
ALTER TABLE "legal_review_messages" ADD CONSTRAINT "legal_review_messages_review_id_legal_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."legal_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_opinion_document_id_documents_id_fk" FOREIGN KEY ("opinion_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_discussion_step_id_matter_steps_id_fk" FOREIGN KEY ("discussion_step_id") REFERENCES "public"."matter_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_assessments" ADD CONSTRAINT "major_assessments_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_decision_lists" ADD CONSTRAINT "major_decision_lists_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_review_messages_review" ON "legal_review_messages" USING btree ("review_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_reviews_matter_version" ON "legal_reviews" USING btree ("matter_id","submission_version");--> statement-breakpoint
CREATE INDEX "legal_reviews_agency_status" ON "legal_reviews" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "major_assessments_matter" ON "major_assessments" USING btree ("matter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "major_decision_lists_agency_version" ON "major_decision_lists" USING btree ("agency_id","version");