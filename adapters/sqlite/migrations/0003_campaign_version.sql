-- A version that grows only when the campaign itself is saved, so the app can keep the loaded
-- campaign across posts instead of reloading it after every write.
ALTER TABLE campaigns ADD COLUMN campaign_version INTEGER NOT NULL DEFAULT 1;
