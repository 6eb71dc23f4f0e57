-- The leaderboard's cost must not grow with the days behind it.
-- latest_figures.version: the campaign's data version of the write that set the figure, so a reader that
-- keeps the figures reads only those changed since (rows from before this migration carry 0: a first read
-- takes them all). figure_closes: each (unit, metric)'s value at a past day's close, kept once computed —
-- a post always lands on today, so a past day's close never changes.
ALTER TABLE latest_figures ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX latest_figures_by_version ON latest_figures (campaign_id, version);

CREATE TABLE figure_closes (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  day         TEXT NOT NULL,
  figures     TEXT NOT NULL,  -- JSON: [[unitId, metricId, value], …]
  PRIMARY KEY (campaign_id, day)
) STRICT, WITHOUT ROWID;
