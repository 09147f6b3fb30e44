DROP INDEX "kb_postings_term";--> statement-breakpoint
ALTER TABLE "kb_attachments" ADD COLUMN "data" "bytea";--> statement-breakpoint
UPDATE "kb_attachments" SET "data" = decode("content", 'base64');--> statement-breakpoint
ALTER TABLE "kb_attachments" ALTER COLUMN "data" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_attachments" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "field_length" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
CREATE INDEX "kb_postings_term" ON "kb_postings" USING btree ("workspace_id","language","term","status","visibility","article_id","field","tf","field_length");--> statement-breakpoint
-- Postings written before they carried their article's field length, status and visibility.
UPDATE "kb_postings" p SET
  "field_length" = coalesce(a."field_lengths"[p."field"], 0),
  "status" = a."status",
  "visibility" = a."visibility"
FROM "kb_articles" a
WHERE a."id" = p."article_id" AND a."workspace_id" = p."workspace_id";
