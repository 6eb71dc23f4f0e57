-- Sessions are kept under the SHA-256 of their bearer token (Ids.hashToken), never the token itself, so a
-- copy of the database signs nobody in. SQL has no SHA-256 to turn the stored tokens into hashes, so the
-- existing sessions are dropped: everyone signed in on the self-hosted server signs in once more after
-- this upgrade. Nothing else is lost.
DROP TABLE sessions;

-- expires_at in the index: a user's sessions come back oldest first (demo sessions are capped per user).
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id, expires_at);
