CREATE TABLE "wfm_history" (
	"workspace_id" uuid NOT NULL,
	"queue_key" text NOT NULL,
	"channel" text NOT NULL,
	"interval_minutes" integer NOT NULL,
	"start" bigint NOT NULL,
	"volume" double precision NOT NULL,
	"aht_seconds" double precision,
	"source" text NOT NULL,
	CONSTRAINT "wfm_history_workspace_id_queue_key_channel_interval_minutes_start_pk" PRIMARY KEY("workspace_id","queue_key","channel","interval_minutes","start")
);
--> statement-breakpoint
CREATE TABLE "wfm_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"queue_key" text NOT NULL,
	"channel" text NOT NULL,
	"interval_minutes" integer NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"settings" jsonb NOT NULL,
	"intervals" jsonb NOT NULL,
	"accuracy" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "wfm_plans_workspace" ON "wfm_plans" USING btree ("workspace_id","created_at");