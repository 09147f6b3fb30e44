CREATE TABLE "chat_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"visitor_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_canned_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"shortcut" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_channels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"secret" text NOT NULL,
	"allowed_origins" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"last_seq" integer NOT NULL,
	"visitor_delivered_seq" integer NOT NULL,
	"visitor_read_seq" integer NOT NULL,
	"agent_read_seq" integer NOT NULL,
	"open" boolean NOT NULL,
	"rating" integer,
	"rating_comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "chat_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_visitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"customer_id" uuid,
	"external_id" text,
	"name" text,
	"email" text,
	"language" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interaction_messages" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "interaction_messages" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "interaction_messages" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
CREATE INDEX "chat_attachments_visitor" ON "chat_attachments" USING btree ("workspace_id","visitor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_canned_shortcut" ON "chat_canned_responses" USING btree ("workspace_id","shortcut","language");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_channels_public_key" ON "chat_channels" USING btree ("public_key");--> statement-breakpoint
CREATE INDEX "chat_conversations_visitor" ON "chat_conversations" USING btree ("workspace_id","visitor_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_requests_reference" ON "chat_requests" USING btree ("workspace_id","reference");--> statement-breakpoint
CREATE INDEX "chat_requests_visitor" ON "chat_requests" USING btree ("workspace_id","visitor_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_visitors_token" ON "chat_visitors" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "chat_visitors_external" ON "chat_visitors" USING btree ("workspace_id","channel_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_messages_client" ON "interaction_messages" USING btree ("workspace_id","interaction_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_messages_seq" ON "interaction_messages" USING btree ("workspace_id","interaction_id","seq");