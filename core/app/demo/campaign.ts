/**
 * The demo 三百 campaign as plain data, built for a given "today" so the demo always looks live:
 * it started 40 days ago (today is day 41 of 100).
 */
import type { Campaign, Day } from '../../contract';
import type { CampaignData } from '../ports';
import { addDays } from '../../domain/days';
import { demoMetrics, demoTracks } from './metrics';
import { buildDemoTargets } from './targets';
import { demoUnitList } from './units';

export const demoCampaignId = 'c-sanbai-demo';
export const demoDaysElapsed = 40;
export const demoLengthDays = 100;

/** The one city the demo seeds. */
export const demoCity = { id: 'yongkang', name: '永康市' } as const;

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
  };
  return {
    cityId,
    campaign,
    tracks: Object.values(demoTracks),
    metrics: Object.values(demoMetrics),
    units: demoUnitList,
    targets: buildDemoTargets(),
  };
}
