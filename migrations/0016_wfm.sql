CREATE TABLE "wfm_agents" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"queues" text[] NOT NULL,
	"contract_minutes" integer NOT NULL,
	"max_days" integer NOT NULL,
	"availability" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wfm_agents_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "wfm_rosters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"queue_key" text NOT NULL,
	"status" text NOT NULL,
	"first_day" integer NOT NULL,
	"days" integer NOT NULL,
	"spec" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"shifts" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wfm_time_off" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" text NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "wfm_rosters_plan" ON "wfm_rosters" USING btree ("workspace_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wfm_time_off_agent_day" ON "wfm_time_off" USING btree ("workspace_id","user_id","day");