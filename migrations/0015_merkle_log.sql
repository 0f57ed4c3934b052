CREATE TABLE "log_checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_leaves" (
	"leaf_index" bigint PRIMARY KEY NOT NULL,
	"audit_seq" bigint NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"integrated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "log_leaves_audit_seq_unique" UNIQUE("audit_seq")
);
--> statement-breakpoint
CREATE TABLE "log_nodes" (
	"level" integer NOT NULL,
	"idx" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "log_nodes_level_idx_pk" PRIMARY KEY("level","idx")
);
--> statement-breakpoint
CREATE TABLE "log_pending" (
	"audit_seq" bigint PRIMARY KEY NOT NULL
);
