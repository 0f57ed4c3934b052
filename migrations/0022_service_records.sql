CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"method" text NOT NULL,
	"served_at" timestamp with time zone NOT NULL,
	"served_day" text,
	"place" text,
	"details" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text
);
--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_party_id_matter_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."matter_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_records_matter" ON "service_records" USING btree ("matter_id","served_at");