DROP INDEX "kb_postings_term";--> statement-breakpoint
ALTER TABLE "kb_attachments" ADD COLUMN "data" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_attachments" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "field_length" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
CREATE INDEX "kb_postings_term" ON "kb_postings" USING btree ("workspace_id","language","term","status","visibility","article_id","field","tf","field_length");--> statement-breakpoint
ALTER TABLE "kb_attachments" DROP COLUMN "content";