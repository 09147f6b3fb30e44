-- Stemming moves from every customer's vector to query time. `customers.search_vector` keeps only the
-- folded words (the 'simple' configuration); each distinct word of `customer_search_words` gets its
-- Spanish and English stems once, and a query word stands for the dictionary words sharing its stem.
-- `atiende_stem` is one word's stem in one Snowball dictionary, null for a stop word (ts_lexize is only
-- VOLATILE by declaration; the dictionaries are fixed, named here by schema).
CREATE OR REPLACE FUNCTION atiende_stem(regdictionary, text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT (pg_catalog.ts_lexize($1, $2))[1] $$;
--> statement-breakpoint
ALTER TABLE "customer_search_words" ADD COLUMN "stem_es" text GENERATED ALWAYS AS (public.atiende_stem('pg_catalog.spanish_stem'::regdictionary, word)) STORED;--> statement-breakpoint
ALTER TABLE "customer_search_words" ADD COLUMN "stem_en" text GENERATED ALWAYS AS (public.atiende_stem('pg_catalog.english_stem'::regdictionary, word)) STORED;--> statement-breakpoint
CREATE INDEX "customer_search_words_stem_es" ON "customer_search_words" USING btree ("workspace_id","stem_es");--> statement-breakpoint
CREATE INDEX "customer_search_words_stem_en" ON "customer_search_words" USING btree ("workspace_id","stem_en");
--> statement-breakpoint
-- The stemmed part of a search, over the 'simple' vector: every query word (folded, split and kept as the
-- dictionary keeps its words) must match one of the dictionary words sharing its Spanish stem, or every
-- one a word sharing its English stem, as `plainto_tsquery` in Spanish or English used to (stop words
-- left out). Null when nothing can match (no notice, unlike an empty tsquery). STABLE: it reads the
-- workspace's dictionary.
CREATE OR REPLACE FUNCTION atiende_stem_query(uuid, text) RETURNS tsquery
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT
  AS $$
BEGIN
  -- PL/pgSQL keeps this statement's plan for the session; a SQL function would plan it on every search.
  RETURN (
    WITH q AS (
      SELECT public.atiende_stem('pg_catalog.spanish_stem'::regdictionary, t.w) AS es,
             public.atiende_stem('pg_catalog.english_stem'::regdictionary, t.w) AS en
      FROM regexp_split_to_table(public.atiende_fold($2), '[^[:alpha:]]+') AS t(w)
      WHERE length(t.w) >= 2
    ), alternatives AS (
      SELECT 'es' AS lang, (SELECT string_agg(d.word, ' | ') FROM public.customer_search_words d
                            WHERE d.workspace_id = $1 AND d.stem_es = q.es) AS words
      FROM q WHERE q.es IS NOT NULL
      UNION ALL
      SELECT 'en', (SELECT string_agg(d.word, ' | ') FROM public.customer_search_words d
                    WHERE d.workspace_id = $1 AND d.stem_en = q.en)
      FROM q WHERE q.en IS NOT NULL
    ), variants AS (
      SELECT CASE WHEN bool_and(words IS NOT NULL) THEN string_agg('(' || words || ')', ' & ') END AS query
      FROM alternatives GROUP BY lang
    )
    SELECT pg_catalog.to_tsquery('pg_catalog.simple'::regconfig, string_agg('(' || query || ')', ' | '))
    FROM variants WHERE query IS NOT NULL
  );
END
$$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS atiende_search_query(text);
--> statement-breakpoint
-- The vector without stems. A stored generated column is not recomputed when its function changes, so
-- the column is dropped and added again: this rewrites `customers` and rebuilds its GIN index.
CREATE OR REPLACE FUNCTION atiende_search_vector(text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
BEGIN
  RETURN to_tsvector('pg_catalog.simple'::regconfig, public.atiende_fold($1));
END
$$;
--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "search_vector";
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (public.atiende_search_vector("search_text")) STORED;
--> statement-breakpoint
CREATE INDEX "customers_search_fts" ON "customers" USING gin ("search_vector");
