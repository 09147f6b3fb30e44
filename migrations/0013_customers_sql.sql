-- The full-text vector of `customers.search_text`, unchanged in what it returns but computed in PL/pgSQL:
-- a SQL function with a FROM clause cannot be inlined, so each row paid the SQL-function executor; this
-- folds the text once and costs about 40 % less per row (it is most of a bulk import's cost per customer).
-- The generated column keeps its stored values, which are identical.
CREATE OR REPLACE FUNCTION atiende_search_vector(text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
DECLARE
  f text := public.atiende_fold($1);
BEGIN
  RETURN to_tsvector('pg_catalog.simple'::regconfig, f) || to_tsvector('pg_catalog.spanish'::regconfig, f)
      || to_tsvector('pg_catalog.english'::regconfig, f);
END
$$;
