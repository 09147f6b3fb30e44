CREATE TABLE "interaction_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"customer_id" uuid,
	"subject" text,
	"language" text,
	"attributes" jsonb NOT NULL,
	"priority" integer NOT NULL,
	"value_tier" text,
	"queue_id" text,
	"state" text NOT NULL,
	"agent_id" uuid,
	"idempotency_key" text,
	"scheduled_for" timestamp with time zone,
	"disposition" text,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "routing_agents" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skills" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"channels" jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"teams" text[] NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"status_since" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "routing_agents_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "routing_inputs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "routing_inputs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"event" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_queues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"targets" jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"channels" jsonb NOT NULL,
	"missed_offers_before_not_ready" integer NOT NULL,
	"presence_grace_seconds" integer NOT NULL,
	"not_ready_reasons" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_snapshots" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_input_id" bigint NOT NULL,
	"snapshot" jsonb NOT NULL,
	"taken_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "interaction_messages_interaction" ON "interaction_messages" USING btree ("workspace_id","interaction_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_idempotency" ON "interactions" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "interactions_state" ON "interactions" USING btree ("workspace_id","state","created_at");--> statement-breakpoint
CREATE INDEX "interactions_customer" ON "interactions" USING btree ("workspace_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "interactions_agent" ON "interactions" USING btree ("workspace_id","agent_id","state");--> statement-breakpoint
CREATE INDEX "routing_inputs_workspace" ON "routing_inputs" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_queues_key" ON "routing_queues" USING btree ("workspace_id","key");