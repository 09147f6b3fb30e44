CREATE TABLE "kb_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"translation_weight" real,
	"updated_at" timestamp with time zone NOT NULL
);
