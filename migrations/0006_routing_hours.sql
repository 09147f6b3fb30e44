ALTER TABLE "routing_queues" ADD COLUMN "hours" jsonb;--> statement-breakpoint
ALTER TABLE "routing_settings" ADD COLUMN "disposition_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_settings" ADD COLUMN "skills" text[] DEFAULT '{}'::text[] NOT NULL;