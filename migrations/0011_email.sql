CREATE TABLE "email_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"filename" text,
	"content_type" text NOT NULL,
	"content_id" text,
	"inline" boolean NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea",
	"skipped" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"queue_id" text NOT NULL,
	"imap" jsonb,
	"imap_password" text,
	"smtp" jsonb,
	"smtp_password" text,
	"dkim_domain" text,
	"dkim_selector" text,
	"dkim_key" text,
	"auto_ack" boolean NOT NULL,
	"ack_template" text,
	"signature" text,
	"enabled" boolean NOT NULL,
	"uid_validity" bigint,
	"last_uid" bigint NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"message_id" text,
	"dedupe_key" text NOT NULL,
	"content_hash" text NOT NULL,
	"uid_validity" bigint,
	"uid" bigint,
	"from_address" text NOT NULL,
	"from_name" text,
	"to" jsonb NOT NULL,
	"cc" jsonb NOT NULL,
	"bcc" jsonb NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"in_reply_to" text,
	"references" jsonb NOT NULL,
	"automated" text,
	"bounce" boolean NOT NULL,
	"author_id" uuid,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_quarantine" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"uid_validity" bigint,
	"uid" bigint,
	"resolved_at" timestamp with time zone,
	"resolved_message_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_threads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"customer_id" uuid,
	"token" text NOT NULL,
	"reference" text NOT NULL,
	"subject" text NOT NULL,
	"participants" jsonb NOT NULL,
	"first_reply_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"first_replied_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "email_attachments_message" ON "email_attachments" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_mailboxes_address" ON "email_mailboxes" USING btree ("address");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_dedupe" ON "email_messages" USING btree ("workspace_id","mailbox_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_uid" ON "email_messages" USING btree ("mailbox_id","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "email_messages_message_id" ON "email_messages" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE INDEX "email_messages_thread" ON "email_messages" USING btree ("workspace_id","thread_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_sender" ON "email_messages" USING btree ("workspace_id","from_address","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_quarantine_uid" ON "email_quarantine" USING btree ("mailbox_id","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "email_quarantine_open" ON "email_quarantine" USING btree ("workspace_id","resolved_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_threads_token" ON "email_threads" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "email_threads_reference" ON "email_threads" USING btree ("workspace_id","reference");--> statement-breakpoint
CREATE INDEX "email_threads_interaction" ON "email_threads" USING btree ("workspace_id","interaction_id");