-- The arena's first schema. Every campaign record names its campaign (composite keys), so many
-- campaigns live side by side. Standings read latest_figures and daily_figures, never posts.

CREATE TABLE campaigns (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  start_date      TEXT NOT NULL,
  end_date        TEXT NOT NULL,
  timezone        TEXT NOT NULL,
  weights         TEXT NOT NULL,              -- JSON: {performance, speed, quality, effort, contribution}
  post_every_days INTEGER,
  data_version    INTEGER NOT NULL DEFAULT 0  -- grows with every write that can change standings
) STRICT;

-- Key/value settings, e.g. current_campaign_id: a choice, not a singleton table.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE tracks (
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  name         TEXT NOT NULL,
  lead_unit_id TEXT NOT NULL,  -- the lead unit need not be a competing unit: no foreign key
  position     INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE metrics (
  campaign_id TEXT NOT NULL,
  id          TEXT NOT NULL,
  track_id    TEXT NOT NULL,
  name        TEXT NOT NULL,
  measure     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('cumulative', 'rate', 'count')),
  direction   TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  reviewed    INTEGER CHECK (reviewed IN (0, 1)),  -- NULL: not said
  position    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, id),
  FOREIGN KEY (campaign_id, track_id) REFERENCES tracks (campaign_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE units (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  division    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE targets (
  campaign_id TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  metric_id   TEXT NOT NULL,
  target      REAL NOT NULL CHECK (target > 0),
  position    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, unit_id, metric_id),
  FOREIGN KEY (campaign_id, unit_id) REFERENCES units (campaign_id, id) ON DELETE CASCADE,
  FOREIGN KEY (campaign_id, metric_id) REFERENCES metrics (campaign_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX targets_by_metric ON targets (campaign_id, metric_id);

CREATE TABLE users (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  role    TEXT NOT NULL CHECK (role IN ('reporter', 'unit_leader', 'supervisor', 'leader', 'admin')),
  unit_id TEXT,
  demo    INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;

CREATE TABLE sessions (
  token      TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- seq is the insertion order: it breaks ties between posts with the same created_at and is the cursor.
-- Posts keep no foreign key to units: a campaign saved again without a unit keeps that unit's history.
CREATE TABLE posts (
  seq               INTEGER PRIMARY KEY AUTOINCREMENT,
  id                TEXT NOT NULL UNIQUE,
  campaign_id       TEXT NOT NULL REFERENCES campaigns (id),
  unit_id           TEXT NOT NULL,
  author_id         TEXT NOT NULL,
  author_name       TEXT NOT NULL,
  created_at        TEXT NOT NULL,     -- ISO 8601 as given
  created_ms        INTEGER NOT NULL,  -- the same instant in ms, for ordering whatever the offset written
  day               TEXT NOT NULL,
  figures           TEXT NOT NULL,     -- JSON: [{metricId, value, previous}]
  text              TEXT NOT NULL,
  photos            TEXT NOT NULL,     -- JSON: [string]
  correction_reason TEXT,
  request_id        TEXT NOT NULL,
  UNIQUE (author_id, request_id)       -- a retried request finds its first post
) STRICT;
CREATE INDEX posts_feed ON posts (campaign_id, created_ms, seq);
CREATE INDEX posts_unit_feed ON posts (campaign_id, unit_id, created_ms, seq);

-- One row per (campaign, unit, metric): the standings are computed from these.
CREATE TABLE latest_figures (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  unit_id     TEXT NOT NULL,
  metric_id   TEXT NOT NULL,
  value       REAL NOT NULL,
  day         TEXT NOT NULL,
  PRIMARY KEY (campaign_id, unit_id, metric_id)
) STRICT, WITHOUT ROWID;

-- One row per (campaign, unit, metric, day), the day's last value: a day's close is one index seek per
-- (unit, metric) on this key.
CREATE TABLE daily_figures (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  unit_id     TEXT NOT NULL,
  metric_id   TEXT NOT NULL,
  day         TEXT NOT NULL,
  value       REAL NOT NULL,
  PRIMARY KEY (campaign_id, unit_id, metric_id, day)
) STRICT, WITHOUT ROWID;
