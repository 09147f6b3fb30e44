CREATE TABLE "kb_activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"query" text,
	"query_key" text,
	"language" text,
	"article_id" uuid,
	"results" integer
);
--> statement-breakpoint
CREATE TABLE "kb_article_versions" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"tags" text[] NOT NULL,
	"phrasings" text[] NOT NULL,
	"visibility" text NOT NULL,
	"status" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "kb_article_versions_article_id_version_pk" PRIMARY KEY("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"external_id" text,
	"language" text NOT NULL,
	"translation_group" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"phrasings" text[] DEFAULT '{}'::text[] NOT NULL,
	"related" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"visibility" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"field_lengths" real[] DEFAULT '{0,0,0,0,0}'::real[] NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kb_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"content" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_phrasing_reviews" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"query_key" text NOT NULL,
	"decision" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_phrasing_reviews_workspace_id_article_id_query_key_pk" PRIMARY KEY("workspace_id","article_id","query_key")
);
--> statement-breakpoint
CREATE TABLE "kb_postings" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"language" text NOT NULL,
	"field" smallint NOT NULL,
	"term" text NOT NULL,
	"tf" real NOT NULL,
	CONSTRAINT "kb_postings_article_id_field_term_pk" PRIMARY KEY("article_id","field","term")
);
--> statement-breakpoint
CREATE TABLE "kb_synonyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"language" text NOT NULL,
	"phrase" text NOT NULL,
	"alternatives" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_vocab" (
	"workspace_id" uuid NOT NULL,
	"language" text NOT NULL,
	"term" text NOT NULL,
	"df" integer NOT NULL,
	CONSTRAINT "kb_vocab_workspace_id_language_term_pk" PRIMARY KEY("workspace_id","language","term")
);
--> statement-breakpoint
CREATE INDEX "kb_activity_kind" ON "kb_activity" USING btree ("workspace_id","kind","at");--> statement-breakpoint
CREATE INDEX "kb_activity_article" ON "kb_activity" USING btree ("workspace_id","article_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_external" ON "kb_articles" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "kb_articles_list" ON "kb_articles" USING btree ("workspace_id","language","status");--> statement-breakpoint
CREATE INDEX "kb_articles_group" ON "kb_articles" USING btree ("workspace_id","translation_group");--> statement-breakpoint
CREATE INDEX "kb_attachments_article" ON "kb_attachments" USING btree ("workspace_id","article_id");--> statement-breakpoint
CREATE INDEX "kb_postings_term" ON "kb_postings" USING btree ("workspace_id","language","term");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_synonyms_phrase" ON "kb_synonyms" USING btree ("workspace_id","language","phrase");--> statement-breakpoint
CREATE INDEX "kb_vocab_trgm" ON "kb_vocab" USING gin ("term" gin_trgm_ops);