ALTER TABLE "matter_parties" ADD COLUMN "gender" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "age" integer;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "occupation" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "employer" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "legal_representative_title" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "licence_name" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "licence_number" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "trade_name" text;--> statement-breakpoint
ALTER TABLE "matter_parties" ADD COLUMN "operator_name" text;