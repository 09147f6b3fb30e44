-- Customer search. `customers.search_vector` holds the accent- and case-folded words of `search_text`
-- (the 'simple' configuration: exact words, which typo-corrected queries look up) and their Spanish and
-- English stems (so "hoteles" finds "Hotel"), with a GIN index. Typos are corrected against the short list
-- of distinct words in `customer_search_words` (trigram-indexed) rather than against every customer row.
-- unaccent() is only STABLE (its dictionary could change), so it goes through an IMMUTABLE wrapper naming
-- the dictionary; names inside are schema-qualified because generated columns and index builds run with a
-- search_path of pg_catalog only.
CREATE OR REPLACE FUNCTION atiende_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION atiende_search_vector(text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT to_tsvector('pg_catalog.simple'::regconfig, f) || to_tsvector('pg_catalog.spanish'::regconfig, f)
            || to_tsvector('pg_catalog.english'::regconfig, f)
        FROM public.atiende_fold($1) AS f $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION atiende_search_query(text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT plainto_tsquery('pg_catalog.spanish'::regconfig, f) || plainto_tsquery('pg_catalog.english'::regconfig, f)
        FROM public.atiende_fold($1) AS f $$;
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (public.atiende_search_vector("search_text")) STORED;
--> statement-breakpoint
CREATE INDEX "customers_search_fts" ON "customers" USING gin ("search_vector");
