-- Image checks (issue 7). A photo an image check found risky stays in `photos` (nothing is deleted) and is
-- listed in `hidden_photos` (JSON: [string]; NULL: none), so readers see that it is hidden.
ALTER TABLE posts ADD COLUMN hidden_photos TEXT;
-- Which photo of which post each asynchronous check is about: its verdict arrives later, by trace id.
CREATE TABLE photo_checks (
  trace_id   TEXT PRIMARY KEY,
  post_id    TEXT NOT NULL,
  photo      TEXT NOT NULL,
  created_at INTEGER NOT NULL  -- ms since the epoch
) STRICT, WITHOUT ROWID;
