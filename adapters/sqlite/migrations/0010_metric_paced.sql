-- Whether a metric is compared with 序时 (Metric.paced): 1 or 0 when the campaign sets it, NULL for the default
-- (paced for cumulative and count metrics with `up`; core/domain/pace.ts). Existing metrics keep the default.
ALTER TABLE metrics ADD COLUMN paced INTEGER CHECK (paced IN (0, 1));
