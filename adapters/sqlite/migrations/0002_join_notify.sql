-- Joining and reminders (issue 4): OPENIDs and accounts on users, invite codes, each unit's latest post
-- day, flagged posts, and the in-app notification list.

ALTER TABLE users ADD COLUMN openid TEXT;             -- WeChat: bound by me.bind
ALTER TABLE users ADD COLUMN account TEXT;            -- self-hosted sign-in, lower case
ALTER TABLE users ADD COLUMN password_hash TEXT;      -- scrypt$N$r$p$salt$hash
ALTER TABLE users ADD COLUMN subscribe_credits INTEGER CHECK (subscribe_credits >= 0);  -- NULL: never consented
-- NULLs never collide in a UNIQUE index: users without an OPENID or account are not constrained.
CREATE UNIQUE INDEX users_by_openid ON users (openid);
CREATE UNIQUE INDEX users_by_account ON users (account);

CREATE TABLE invites (
  code       TEXT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('reporter', 'unit_leader', 'supervisor', 'leader', 'admin')),
  unit_id    TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,  -- ms since the epoch
  expires_at INTEGER NOT NULL,
  used_by    TEXT,              -- set once, by redeemInvite
  used_at    INTEGER
) STRICT;

ALTER TABLE posts ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1));

-- One row per (campaign, unit) that ever posted: the day of its latest post, written with the post, so
-- the reminder job reads units, not posts. Filled from the posts already there.
CREATE TABLE last_posts (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  unit_id     TEXT NOT NULL,
  day         TEXT NOT NULL,
  PRIMARY KEY (campaign_id, unit_id)
) STRICT, WITHOUT ROWID;
INSERT INTO last_posts (campaign_id, unit_id, day)
  SELECT campaign_id, unit_id, max(day) FROM posts GROUP BY campaign_id, unit_id;

-- seq orders notifications written in the same millisecond and is half of the cursor.
CREATE TABLE notifications (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  id         TEXT NOT NULL UNIQUE,
  user_id    TEXT NOT NULL,
  kind       TEXT NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,  -- user|kind|subject|period: stored, and so sent, at most once
  created_at INTEGER NOT NULL,      -- ms since the epoch
  read_at    INTEGER,
  channels   TEXT NOT NULL DEFAULT '{}'  -- JSON: {channel: outcome}
) STRICT;
CREATE INDEX notifications_by_user ON notifications (user_id, created_at, seq);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
