ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "service_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_service_agency_id_agencies_id_fk" FOREIGN KEY ("service_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_service_agency" ON "users" USING btree ("service_agency_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_kind_shape" CHECK (("users"."kind" = 'person' and "users"."password_hash" is not null and "users"."service_agency_id" is null)
       or ("users"."kind" = 'service' and "users"."password_hash" is null and "users"."service_agency_id" is not null and not "users"."is_platform_admin"));