CREATE TABLE "analytics_day_tallies" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"queue_id" text NOT NULL,
	"channel" text NOT NULL,
	"offered" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"short_abandoned" bigint DEFAULT 0 NOT NULL,
	"answered_in_target" bigint DEFAULT 0 NOT NULL,
	"wait_ms" bigint DEFAULT 0 NOT NULL,
	"abandon_wait_ms" bigint DEFAULT 0 NOT NULL,
	"handled" bigint DEFAULT 0 NOT NULL,
	"talk_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_up_ms" bigint DEFAULT 0 NOT NULL,
	"transfers" bigint DEFAULT 0 NOT NULL,
	"replied" bigint DEFAULT 0 NOT NULL,
	"first_reply_ms" bigint DEFAULT 0 NOT NULL,
	"resolved" bigint DEFAULT 0 NOT NULL,
	"resolution_ms" bigint DEFAULT 0 NOT NULL,
	"csat_count" bigint DEFAULT 0 NOT NULL,
	"csat_sum" bigint DEFAULT 0 NOT NULL,
	"csat_satisfied" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_day_tallies_workspace_id_day_queue_id_channel_pk" PRIMARY KEY("workspace_id","day","queue_id","channel")
);
--> statement-breakpoint
CREATE TABLE "analytics_tallies" (
	"workspace_id" uuid NOT NULL,
	"interval_start" timestamp with time zone NOT NULL,
	"queue_id" text NOT NULL,
	"channel" text NOT NULL,
	"offered" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"short_abandoned" bigint DEFAULT 0 NOT NULL,
	"answered_in_target" bigint DEFAULT 0 NOT NULL,
	"wait_ms" bigint DEFAULT 0 NOT NULL,
	"abandon_wait_ms" bigint DEFAULT 0 NOT NULL,
	"handled" bigint DEFAULT 0 NOT NULL,
	"talk_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_up_ms" bigint DEFAULT 0 NOT NULL,
	"transfers" bigint DEFAULT 0 NOT NULL,
	"replied" bigint DEFAULT 0 NOT NULL,
	"first_reply_ms" bigint DEFAULT 0 NOT NULL,
	"resolved" bigint DEFAULT 0 NOT NULL,
	"resolution_ms" bigint DEFAULT 0 NOT NULL,
	"csat_count" bigint DEFAULT 0 NOT NULL,
	"csat_sum" bigint DEFAULT 0 NOT NULL,
	"csat_satisfied" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_tallies_workspace_id_interval_start_queue_id_channel_pk" PRIMARY KEY("workspace_id","interval_start","queue_id","channel")
);
--> statement-breakpoint
CREATE TABLE "quality_calibrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"evaluator_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"scorecard_name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"interaction_id" uuid NOT NULL,
	"agent_id" uuid,
	"queue_id" text,
	"channel" text NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"calibration_id" uuid,
	"answers" jsonb NOT NULL,
	"comment" text,
	"score" double precision NOT NULL,
	"raw_score" double precision NOT NULL,
	"critical_failed" boolean NOT NULL,
	"section_scores" jsonb NOT NULL,
	"status" text NOT NULL,
	"agent_comment" text,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"recipients" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_cursors" ADD COLUMN "day_time_zone" text;--> statement-breakpoint
CREATE INDEX "quality_calibrations_created" ON "quality_calibrations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_created" ON "quality_evaluations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_agent" ON "quality_evaluations" USING btree ("workspace_id","agent_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_interaction" ON "quality_evaluations" USING btree ("workspace_id","interaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_evaluations_calibration" ON "quality_evaluations" USING btree ("calibration_id","evaluator_id");--> statement-breakpoint
CREATE INDEX "quality_scorecards_workspace" ON "quality_scorecards" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "report_schedules_due" ON "report_schedules" USING btree ("next_run_at");