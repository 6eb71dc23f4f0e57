/**
 * The demo 三百 campaign as plain data, built for a given "today" so the demo always looks live:
 * it started 40 days ago (today is day 41 of 100).
 */
import type { Campaign, Day } from '../../contract';
import type { CampaignData } from '../ports';
import { addDays } from '../../domain/days';
import { demoCampaignId, demoCity, demoDaysElapsed, demoLengthDays } from './city';
import { demoMetrics, demoTracks } from './metrics';
import { tuneDemoStory } from './monthly';
import { buildDemoPosts } from './posts';
import { buildDemoTargets } from './targets';
import { demoUnitList } from './units';
import { buildDemoUsers } from './users';

export { demoCampaignId, demoCity, demoDaysElapsed, demoLengthDays };

export function buildDemoCampaign(today: Day, cityId: string = demoCity.id): CampaignData {
  const startDate = addDays(today, -demoDaysElapsed);
  const campaign: Campaign = {
    id: demoCampaignId,
    name: '“三百”竞赛（演示）',
    startDate,
    endDate: addDays(startDate, demoLengthDays - 1),
    timezone: 'Asia/Shanghai',
    weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
    postEveryDays: 7,
    // The monthly 通报's settings, at their defaults, so that the campaign file shows them.
    explainDays: 7,
    pointsPerMiss: 1,
    interviewDays: 10,
  };
  const data: CampaignData = {
    cityId,
    campaign,
    tracks: Object.values(demoTracks),
    metrics: Object.values(demoMetrics),
    units: demoUnitList,
    targets: buildDemoTargets(campaign),
  };
  // The story unit's months are tuned on the very posts the demo seeds (they read no MT nor LY).
  return { ...data, targets: tuneDemoStory(data, buildDemoPosts(data, buildDemoUsers(cityId))) };
}
