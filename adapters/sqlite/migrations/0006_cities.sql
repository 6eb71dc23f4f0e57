-- Cities (tenants): a city owns its people, invites, notifications and campaigns, and chooses its own current
-- campaign. Everything written before cities existed moves into the default city 'city' (DEFAULT_CITY in
-- core/app/campaigns/store.ts), which is made only when there is something to own: a fresh database has
-- no city.

-- seq is the first-saved order (listCities); a rename keeps it. current_campaign_id has no foreign key:
-- what it must satisfy (a campaign of this very city) is checked by setCurrentCampaign.
CREATE TABLE cities (
  seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
  id                  TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  current_campaign_id TEXT
) STRICT;

-- The old global current campaign becomes the default city's, when it still names a campaign.
INSERT INTO cities (id, name, current_campaign_id)
  SELECT 'city', '本市',
    (SELECT value FROM settings WHERE key = 'current_campaign_id' AND value IN (SELECT id FROM campaigns))
  WHERE EXISTS (SELECT 1 FROM campaigns) OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM invites);
DELETE FROM settings WHERE key = 'current_campaign_id';

-- The default names the default city, so the rows already there belong to it; the adapter always writes
-- city_id itself. A campaign's city has no foreign key: a campaign may be saved before its city row.
ALTER TABLE campaigns ADD COLUMN city_id TEXT NOT NULL DEFAULT 'city';
ALTER TABLE users ADD COLUMN city_id TEXT NOT NULL DEFAULT 'city';
ALTER TABLE invites ADD COLUMN city_id TEXT NOT NULL DEFAULT 'city';
ALTER TABLE notifications ADD COLUMN city_id TEXT NOT NULL DEFAULT 'city';
-- The campaign a notification is about; NULL for the old ones, since which campaign was current when each
-- was written is not known.
ALTER TABLE notifications ADD COLUMN campaign_id TEXT;

-- Campaign.lateDays was not kept before: NULL reads back as absent (the default applies).
ALTER TABLE campaigns ADD COLUMN late_days INTEGER CHECK (late_days >= 0);

-- listCampaigns(cityId): latest start first, then id. listUsers({cityId, demo?}).
CREATE INDEX campaigns_by_city ON campaigns (city_id, start_date DESC, id);
CREATE INDEX users_by_city ON users (city_id, demo);
