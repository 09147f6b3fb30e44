DROP INDEX "kb_postings_term";--> statement-breakpoint
ALTER TABLE "kb_postings" ADD COLUMN "impact" real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing postings' impacts, as indexArticles writes them (BM25F's field weights and length
-- normalisation of ranking.ts, over each workspace's and language's average field lengths).
WITH avgs AS (
  SELECT workspace_id, language,
         array[greatest(avg(field_lengths[1]), 1), greatest(avg(field_lengths[2]), 1),
               greatest(avg(field_lengths[3]), 1), greatest(avg(field_lengths[4]), 1),
               greatest(avg(field_lengths[5]), 1)]::float8[] AS a
  FROM kb_articles GROUP BY workspace_id, language
),
x AS (
  SELECT p.article_id, p.term,
         sum((array[3, 2.5, 1, 2, 1.5]::float8[])[p.field] * p.tf
             / ((array[0.5, 0.5, 0.25, 0.5, 0.7]::float8[])[p.field]
                + (array[0.5, 0.5, 0.75, 0.5, 0.3]::float8[])[p.field] / v.a[p.field] * p.field_length)) AS impact
  FROM kb_postings p JOIN avgs v ON v.workspace_id = p.workspace_id AND v.language = p.language
  GROUP BY p.article_id, p.term
)
UPDATE kb_postings p SET impact = x.impact FROM x WHERE p.article_id = x.article_id AND p.term = x.term;--> statement-breakpoint
CREATE INDEX "kb_postings_term" ON "kb_postings" USING btree ("workspace_id","language","term","impact" DESC NULLS LAST,"article_id","status","visibility","field","tf","field_length");
