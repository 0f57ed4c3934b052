CREATE TABLE "rights_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"party_id" uuid,
	"related_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"occurred_day" text NOT NULL,
	"document_id" uuid,
	"av_record_id" uuid,
	"outcome" text,
	"details" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text
);
--> statement-breakpoint
ALTER TABLE "rights_records" ADD CONSTRAINT "rights_records_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_records" ADD CONSTRAINT "rights_records_party_id_matter_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."matter_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_records" ADD CONSTRAINT "rights_records_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_records" ADD CONSTRAINT "rights_records_av_record_id_av_records_id_fk" FOREIGN KEY ("av_record_id") REFERENCES "public"."av_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_records_matter" ON "rights_records" USING btree ("matter_id","occurred_at");