CREATE TABLE "customer_duplicates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_a" uuid NOT NULL,
	"customer_b" uuid NOT NULL,
	"reason" text NOT NULL,
	"similarity" double precision NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "customer_field_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_identities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"display" text NOT NULL,
	"match_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"delimiter" text NOT NULL,
	"headers" text[] NOT NULL,
	"sample" jsonb NOT NULL,
	"mapping" jsonb,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_memberships" (
	"workspace_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_memberships_person_id_organisation_id_pk" PRIMARY KEY("person_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "customer_purchases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"ref_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_search_words" (
	"workspace_id" uuid NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "customer_search_words_workspace_id_word_pk" PRIMARY KEY("workspace_id","word")
);
--> statement-breakpoint
CREATE TABLE "customer_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"value_rule" jsonb NOT NULL,
	"tier_cutoffs" jsonb NOT NULL,
	"cutoffs_computed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_timeline" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"channel" text,
	"ref_id" text,
	"summary" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"owner_id" uuid,
	"language" text,
	"time_zone" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_since" timestamp with time zone NOT NULL,
	"open_debt" numeric(14, 2) DEFAULT 0 NOT NULL,
	"score" double precision DEFAULT 0 NOT NULL,
	"tier" text DEFAULT 'standard' NOT NULL,
	"value_computed_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"merged_into" uuid,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_duplicates_pair" ON "customer_duplicates" USING btree ("workspace_id","customer_a","customer_b");--> statement-breakpoint
CREATE INDEX "customer_duplicates_open" ON "customer_duplicates" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_field_definitions_key" ON "customer_field_definitions" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_identities_value" ON "customer_identities" USING btree ("workspace_id","kind","value");--> statement-breakpoint
CREATE INDEX "customer_identities_customer" ON "customer_identities" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_identities_match" ON "customer_identities" USING btree ("workspace_id","match_key");--> statement-breakpoint
CREATE INDEX "customer_imports_recent" ON "customer_imports" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_memberships_organisation" ON "customer_memberships" USING btree ("workspace_id","organisation_id");--> statement-breakpoint
CREATE INDEX "customer_purchases_customer" ON "customer_purchases" USING btree ("customer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_purchases_ref" ON "customer_purchases" USING btree ("workspace_id","ref_id");--> statement-breakpoint
CREATE INDEX "customer_search_words_trgm" ON "customer_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_timeline_feed" ON "customer_timeline" USING btree ("customer_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "customer_timeline_ref" ON "customer_timeline" USING btree ("workspace_id","kind","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_id" ON "customers" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "customers_name" ON "customers" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_tier" ON "customers" USING btree ("workspace_id","tier","score");--> statement-breakpoint
CREATE INDEX "customers_tags" ON "customers" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "customers_custom_fields" ON "customers" USING gin ("custom_fields" jsonb_path_ops);