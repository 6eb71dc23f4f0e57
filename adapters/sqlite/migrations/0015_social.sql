-- 学 and the feed's reactions (issue 14): likes, comments and 点评 on posts, and posts marked 经验做法. Every row
-- names its campaign. No foreign key to posts or campaigns: the social slice (core/app/social/store.ts) asks for
-- none, and a reaction is never read by the standings, so nothing here touches campaigns.data_version.

-- One row per (post, user): liking twice is liking once. The key also serves a page's counts
-- (campaign_id, post_id IN page) and whether the reader is among them, from the index alone.
CREATE TABLE likes (
  campaign_id TEXT NOT NULL,
  post_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  at          INTEGER NOT NULL,  -- ms since the epoch, of the first like
  PRIMARY KEY (campaign_id, post_id, user_id)
) STRICT, WITHOUT ROWID;

-- A rowid table: the comment's text is free.
CREATE TABLE comments (
  campaign_id TEXT NOT NULL,
  id          TEXT NOT NULL,
  city_id     TEXT NOT NULL,
  post_id     TEXT NOT NULL,
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  text        TEXT NOT NULL,
  remark      INTEGER NOT NULL CHECK (remark IN (0, 1)),   -- a city leader's 点评
  flagged     INTEGER NOT NULL CHECK (flagged IN (0, 1)),  -- the content check asked for a review
  created_at  INTEGER NOT NULL,  -- ms since the epoch
  request_id  TEXT NOT NULL,
  UNIQUE (campaign_id, id)
) STRICT;
-- A retried comment finds the first one; the same request id from another author is another comment.
CREATE UNIQUE INDEX comments_by_request ON comments (campaign_id, author_id, request_id);
-- listComments: oldest first, by created_at, then id; a page's counts from the index alone.
CREATE INDEX comments_by_post ON comments (campaign_id, post_id, created_at, id);

-- One mark per post: marking again replaces it.
CREATE TABLE exemplars (
  campaign_id TEXT NOT NULL,
  post_id     TEXT NOT NULL,
  track_ids   TEXT NOT NULL,     -- JSON: [trackId], the post's tracks when it was marked
  reason      TEXT NOT NULL,
  by_id       TEXT NOT NULL,
  by_name     TEXT NOT NULL,
  at          INTEGER NOT NULL,  -- ms since the epoch
  PRIMARY KEY (campaign_id, post_id)
) STRICT, WITHOUT ROWID;
-- listExemplars: the newest mark first, ties by post id; the cursor is the last (at, post_id) of a page.
CREATE INDEX exemplars_by_at ON exemplars (campaign_id, at, post_id);
