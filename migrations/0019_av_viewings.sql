CREATE TABLE "av_viewings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"av_record_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "av_viewings" ADD CONSTRAINT "av_viewings_av_record_id_av_records_id_fk" FOREIGN KEY ("av_record_id") REFERENCES "public"."av_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "av_viewings" ADD CONSTRAINT "av_viewings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "av_viewings_record" ON "av_viewings" USING btree ("av_record_id");