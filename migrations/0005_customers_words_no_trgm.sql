-- Query typos are corrected in code by edit distance against the word list (spelling.ts); its trigram index went unused.
DROP INDEX "customer_search_words_trgm";