CREATE TABLE "scripting_email_templates" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scripting_email_templates_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
DROP INDEX "scripting_order_lines_customer";--> statement-breakpoint
ALTER TABLE "scripting_runs" ADD COLUMN "follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "scripting_order_lines_customer" ON "scripting_order_lines" USING btree ("workspace_id","customer_id","product");