CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" text NOT NULL,
	"receipt_number" text NOT NULL,
	"method" text NOT NULL,
	"purpose" text NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text
);
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_party_id_matter_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."matter_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_matter" ON "payments" USING btree ("matter_id","paid_on");