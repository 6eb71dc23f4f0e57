-- 挂图作战 and 难题销号 (issue 12): each campaign's tasks, their progress notes, the problems raised against them
-- and every step of each problem's lifecycle. Ids are a campaign's own (composite keys), as for tracks and
-- units. Notes, problems and events keep no foreign key to their task or problem: history is never lost to
-- a task edited away, and the store writes a problem with its events in one transaction anyway.

CREATE TABLE tasks (
  campaign_id     TEXT NOT NULL REFERENCES campaigns (id),
  id              TEXT NOT NULL,
  city_id         TEXT NOT NULL,
  title           TEXT NOT NULL,
  content         TEXT NOT NULL,
  target_text     TEXT NOT NULL,
  track_id        TEXT NOT NULL,
  lead_unit_id    TEXT NOT NULL,
  unit_ids        TEXT NOT NULL,     -- JSON: [unitId], the lead unit first
  contact_leader  TEXT NOT NULL,
  supervisor_name TEXT NOT NULL,
  supervisor_id   TEXT,
  deadline        TEXT NOT NULL,
  metric_id       TEXT,
  done            INTEGER NOT NULL CHECK (done IN (0, 1)),
  demo            INTEGER NOT NULL CHECK (demo IN (0, 1)),
  updated_at      INTEGER NOT NULL,  -- ms since the epoch
  PRIMARY KEY (campaign_id, id)
) STRICT, WITHOUT ROWID;
-- listTasks: by deadline, then id.
CREATE INDEX tasks_by_deadline ON tasks (campaign_id, deadline, id);

-- seq orders notes written in the same millisecond (newest first: created_at, then seq).
CREATE TABLE task_notes (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL,
  city_id     TEXT NOT NULL,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  task_id     TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text        TEXT NOT NULL,
  post_id     TEXT,              -- the feed post the note's figures became
  created_at  INTEGER NOT NULL,  -- ms since the epoch
  request_id  TEXT NOT NULL,
  UNIQUE (campaign_id, id),
  UNIQUE (author_id, request_id)  -- a retried note finds the first one
) STRICT;
CREATE INDEX task_notes_by_task ON task_notes (campaign_id, task_id, created_at, seq);

CREATE TABLE problems (
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  id           TEXT NOT NULL,
  city_id      TEXT NOT NULL,
  task_id      TEXT NOT NULL,
  track_id     TEXT NOT NULL,  -- the task's, for 拆槛除障 by track
  unit_id      TEXT NOT NULL,
  title        TEXT NOT NULL,
  detail       TEXT NOT NULL,
  category     TEXT NOT NULL
    CHECK (category IN ('policy', 'funding', 'land', 'energy', 'approval', 'enterprise', 'other')),
  due_day      TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed', 'reopened')),
  raised_day   TEXT NOT NULL,
  raised_by_id TEXT NOT NULL,
  closed_day   TEXT,              -- set by the step to closed
  created_at   INTEGER NOT NULL,  -- ms since the epoch
  updated_at   INTEGER NOT NULL,
  demo         INTEGER NOT NULL CHECK (demo IN (0, 1)),
  request_id   TEXT NOT NULL,     -- the raising request's
  PRIMARY KEY (campaign_id, id),
  UNIQUE (raised_by_id, request_id)  -- a retried raise finds the first problem
) STRICT, WITHOUT ROWID;
-- listProblems: by the day raised, then createdAt, then id.
CREATE INDEX problems_by_raised ON problems (campaign_id, raised_day, created_at, id);

-- seq is the order the steps were taken in (history, oldest first): each step is written in the
-- transaction that read the problem, so seq order is the lifecycle's order. city_id is the problem's.
CREATE TABLE problem_events (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  city_id     TEXT NOT NULL,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  problem_id  TEXT NOT NULL,
  at          INTEGER NOT NULL,  -- ms since the epoch
  by_id       TEXT NOT NULL,
  by_name     TEXT NOT NULL,
  from_status TEXT CHECK (from_status IN ('open', 'in_progress', 'resolved', 'closed', 'reopened')),  -- NULL: raised
  to_status   TEXT NOT NULL CHECK (to_status IN ('open', 'in_progress', 'resolved', 'closed', 'reopened')),
  note        TEXT NOT NULL,
  request_id  TEXT NOT NULL,
  -- A retried step finds the first one.
  UNIQUE (campaign_id, problem_id, by_id, request_id)
) STRICT;
CREATE INDEX problem_events_by_problem ON problem_events (campaign_id, problem_id, seq);
