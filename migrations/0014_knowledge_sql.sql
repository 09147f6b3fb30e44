-- Postings written before they carried their article's field length, status and visibility.
UPDATE "kb_postings" p SET
  "field_length" = coalesce(a."field_lengths"[p."field"], 0),
  "status" = a."status",
  "visibility" = a."visibility"
FROM "kb_articles" a
WHERE a."id" = p."article_id" AND a."workspace_id" = p."workspace_id";
