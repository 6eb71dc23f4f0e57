/** The demo 三百 campaign (DOMAIN.md "The demo campaign"): pure builders and `seedDemo` for a host. */
export { buildDemoCampaign, demoCampaignId, demoCity, demoDaysElapsed, demoLengthDays } from './campaign';
export { buildDemoUsers, demoUserIds } from './users';
export { buildDemoPosts } from './posts';
export { seedDemo, type SeedReport } from './seed';
export { demoUnits, demoUnitList, divisions } from './units';
export { demoMetrics, demoTracks } from './metrics';
