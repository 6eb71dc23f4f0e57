-- The monthly 通报 and its sanctions (issue 13): published reviews (immutable snapshots, one row per version),
-- the 约谈 they call, the 书面说明 a finished campaign asks for with each step taken on them, and the
-- assessment ledger. Every row names its city and campaign. No foreign key to campaigns: the reviews slice
-- (core/app/reviews/store.ts) asks for none, and a ledger entry must outlive whatever it was about.

-- A target's monthly targets and last year's months (Target.monthly). JSON: [{period, target?, lastYear?}];
-- NULL when the target has none, so an absent array stays absent.
ALTER TABLE targets ADD COLUMN monthly TEXT;

-- A rowid table: a snapshot is kilobytes of JSON, too wide for WITHOUT ROWID.
CREATE TABLE reviews (
  campaign_id       TEXT NOT NULL,
  period            TEXT NOT NULL,     -- YYYY-MM
  version           INTEGER NOT NULL CHECK (version > 0),
  id                TEXT NOT NULL,     -- `${campaignId}:${period}:v${version}`
  city_id           TEXT NOT NULL,
  note              TEXT NOT NULL,
  published_at      INTEGER NOT NULL,  -- ms since the epoch
  published_by_id   TEXT NOT NULL,
  published_by_name TEXT NOT NULL,
  request_id        TEXT NOT NULL,
  changes           TEXT NOT NULL,     -- JSON: [string], what this version changes against the one before
  flagged           TEXT NOT NULL,     -- JSON: [FlaggedUnit]
  metrics           TEXT NOT NULL,     -- JSON: [ReviewMetric]
  divisions         TEXT NOT NULL,     -- JSON: [ReviewDivision]
  excluded          TEXT NOT NULL,     -- JSON: [Excluded]
  -- Two supervisors publishing the same version: the second is refused. Also getReview's and listReviews' order.
  UNIQUE (campaign_id, period, version)
) STRICT;
-- A retried publish finds the first one.
CREATE UNIQUE INDEX reviews_by_request ON reviews (campaign_id, published_by_id, request_id);

-- The step that records an interview held keeps its (recorded_by_id, request_id) on the row: the replay key.
CREATE TABLE interviews (
  campaign_id      TEXT NOT NULL,
  id               TEXT NOT NULL,     -- `${campaignId}:${period}:${unitId}`
  city_id          TEXT NOT NULL,
  period           TEXT NOT NULL,
  unit_id          TEXT NOT NULL,
  level            INTEGER NOT NULL CHECK (level IN (1, 2)),
  attendees        TEXT NOT NULL,     -- JSON: ['deputy' | 'main']
  review_version   INTEGER NOT NULL CHECK (review_version > 0),
  due_day          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
  held_day         TEXT,
  note             TEXT NOT NULL,
  recorded_by_id   TEXT,
  recorded_by_name TEXT,
  request_id       TEXT,
  created_at       INTEGER NOT NULL,  -- ms since the epoch
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, id)
) STRICT, WITHOUT ROWID;
-- listInterviews: by due day, then id; syncInterviews: a month's.
CREATE INDEX interviews_by_due ON interviews (campaign_id, due_day, id);
CREATE INDEX interviews_by_period ON interviews (campaign_id, period);

-- A rowid table: the written explanation is free text.
CREATE TABLE explanations (
  campaign_id       TEXT NOT NULL,
  id                TEXT NOT NULL,  -- `${campaignId}:${unitId}:${metricId}`
  city_id           TEXT NOT NULL,
  unit_id           TEXT NOT NULL,
  metric_id         TEXT NOT NULL,
  target            REAL NOT NULL,
  value             REAL,           -- NULL: never reported
  due_day           TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('requested', 'submitted', 'accepted', 'returned')),
  text              TEXT NOT NULL,
  photos            TEXT NOT NULL,  -- JSON: [string]
  submitted_at      INTEGER,        -- ms since the epoch
  submitted_by_id   TEXT,
  submitted_by_name TEXT,
  decided_at        INTEGER,
  decided_by_id     TEXT,
  decided_by_name   TEXT,
  return_reason     TEXT,
  submissions       INTEGER NOT NULL CHECK (submissions >= 0),
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  UNIQUE (campaign_id, id)
) STRICT;
-- listExplanations: by due day, then id.
CREATE INDEX explanations_by_due ON explanations (campaign_id, due_day, id);

-- seq is the order the steps were taken in (history, oldest first): each is written in the transaction that
-- read the explanation. city_id is the explanation's.
CREATE TABLE explanation_events (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  city_id        TEXT NOT NULL,
  campaign_id    TEXT NOT NULL,
  explanation_id TEXT NOT NULL,
  at             INTEGER NOT NULL,  -- ms since the epoch
  by_id          TEXT NOT NULL,
  by_name        TEXT NOT NULL,
  to_status      TEXT NOT NULL CHECK (to_status IN ('requested', 'submitted', 'accepted', 'returned')),
  note           TEXT NOT NULL,
  request_id     TEXT NOT NULL,
  -- A retried step finds the first one; the same request id from another user is another step.
  UNIQUE (campaign_id, explanation_id, by_id, request_id)
) STRICT;

-- The assessment ledger: append-only. A deduction is never edited; a reversal is another entry.
CREATE TABLE ledger (
  campaign_id TEXT NOT NULL,
  id          TEXT NOT NULL,  -- `deduct:${explanationId}` or `reverse:${entryId}`
  city_id     TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  points      REAL NOT NULL,  -- negative for a deduction, positive for a reversal
  reason      TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('explanation', 'reversal')),
  source_id   TEXT NOT NULL,
  at          INTEGER NOT NULL,  -- ms since the epoch
  by_id       TEXT NOT NULL,     -- a user, or 'system'
  request_id  TEXT,
  PRIMARY KEY (campaign_id, id)
) STRICT, WITHOUT ROWID;
-- listLedger: oldest first, by at, then id.
CREATE INDEX ledger_by_at ON ledger (campaign_id, at, id);
-- The code has no path that edits or removes an entry; these make sure nothing else does either.
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
  SELECT RAISE(ABORT, '考核台账只能追加，不能修改');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
  SELECT RAISE(ABORT, '考核台账只能追加，不能删除');
END;
-- The campaign's settings for the review's sanctions (NULL: the defaults, core/domain/review.ts).
ALTER TABLE campaigns ADD COLUMN explain_days INTEGER CHECK (explain_days > 0);
ALTER TABLE campaigns ADD COLUMN points_per_miss REAL CHECK (points_per_miss >= 0);
ALTER TABLE campaigns ADD COLUMN interview_days INTEGER CHECK (interview_days > 0);
