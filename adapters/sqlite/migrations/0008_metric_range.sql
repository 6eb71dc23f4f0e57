-- A metric's plausible range, when the campaign sets one (Metric.range; the default otherwise comes from
-- core/domain/figure-range.ts). Both NULL: no range set. Existing metrics have none.
ALTER TABLE metrics ADD COLUMN range_min REAL;
ALTER TABLE metrics ADD COLUMN range_max REAL;
