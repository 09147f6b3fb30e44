CREATE TABLE "analytics_agent_state" (
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"state" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_agent_state_workspace_id_agent_id_pk" PRIMARY KEY("workspace_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_agent_time" (
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"interval_start" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"ms" bigint NOT NULL,
	CONSTRAINT "analytics_agent_time_workspace_id_interval_start_agent_id_state_pk" PRIMARY KEY("workspace_id","interval_start","agent_id","state")
);
--> statement-breakpoint
CREATE TABLE "analytics_contacts" (
	"workspace_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"channel" text,
	"queue_id" text,
	"agent_id" uuid,
	"customer_id" uuid,
	"reason" text,
	"arrived_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"talk_ended_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"abandoned_at" timestamp with time zone,
	"first_reply_at" timestamp with time zone,
	"transfers" integer NOT NULL,
	"csat" smallint,
	CONSTRAINT "analytics_contacts_workspace_id_interaction_id_pk" PRIMARY KEY("workspace_id","interaction_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_cursors" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"cursor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_thresholds" (
	"workspace_id" uuid NOT NULL,
	"queue_id" text NOT NULL,
	"metric" text NOT NULL,
	"amber" double precision NOT NULL,
	"red" double precision NOT NULL,
	CONSTRAINT "analytics_thresholds_workspace_id_queue_id_metric_pk" PRIMARY KEY("workspace_id","queue_id","metric")
);
--> statement-breakpoint
CREATE TABLE "csat_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"agent_id" uuid,
	"customer_id" uuid,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_contacts_arrived" ON "analytics_contacts" USING btree ("workspace_id","arrived_at");--> statement-breakpoint
CREATE UNIQUE INDEX "csat_responses_interaction" ON "csat_responses" USING btree ("workspace_id","interaction_id");--> statement-breakpoint
CREATE INDEX "csat_responses_created" ON "csat_responses" USING btree ("workspace_id","created_at");