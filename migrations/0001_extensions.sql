-- Trigram similarity and accent folding for typo-tolerant search in Spanish and English.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
