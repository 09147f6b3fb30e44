CREATE TABLE "scripting_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"paid" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripting_models" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripting_offer_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"interaction_id" uuid,
	"product" text NOT NULL,
	"response" text NOT NULL,
	"promotion_id" uuid,
	"score" real NOT NULL,
	"reason" jsonb,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripting_order_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"product" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"ref_id" text
);
--> statement-breakpoint
CREATE TABLE "scripting_products" (
	"workspace_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "scripting_products_workspace_id_code_pk" PRIMARY KEY("workspace_id","code")
);
--> statement-breakpoint
CREATE TABLE "scripting_promotions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"product" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"tiers" text[] NOT NULL,
	"segments" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripting_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"script_id" uuid NOT NULL,
	"queue_id" text,
	"channel" text,
	"reason" text,
	"language" text,
	"tiers" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripting_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"customer_id" uuid,
	"script_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"path" jsonb NOT NULL,
	"effects" jsonb NOT NULL,
	"status" text NOT NULL,
	"current" text NOT NULL,
	"outcome" text,
	"agent_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scripting_scripts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"live_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripting_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"script_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "scripting_invoices_number" ON "scripting_invoices" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "scripting_invoices_customer" ON "scripting_invoices" USING btree ("workspace_id","customer_id","due_on");--> statement-breakpoint
CREATE INDEX "scripting_offer_responses_customer" ON "scripting_offer_responses" USING btree ("workspace_id","customer_id","product");--> statement-breakpoint
CREATE INDEX "scripting_order_lines_customer" ON "scripting_order_lines" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scripting_promotions_code" ON "scripting_promotions" USING btree ("workspace_id","code");--> statement-breakpoint
CREATE INDEX "scripting_rules_priority" ON "scripting_rules" USING btree ("workspace_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "scripting_runs_interaction" ON "scripting_runs" USING btree ("workspace_id","interaction_id");--> statement-breakpoint
CREATE INDEX "scripting_runs_script" ON "scripting_runs" USING btree ("workspace_id","script_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "scripting_scripts_name" ON "scripting_scripts" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "scripting_versions_number" ON "scripting_versions" USING btree ("workspace_id","script_id","version");