/**
 * Writes the demo city into a store: the city, its campaign, its demo users, and 40 days of posts
 * committed one by one through the same transaction a live post takes (so latest and daily figures are
 * real). Seeding a store where some city already has a current campaign does nothing.
 */
import { dayOf } from '../../domain/days';
import { decideFigures } from '../posts/decide-figures';
import type { Deps } from '../ports';
import { buildDemoCampaign, demoCity } from './campaign';
import { buildDemoPosts } from './posts';
import { buildDemoUsers } from './users';

export interface SeedReport {
  seeded: boolean;
  campaignId: string | null;
  posts: number;
}

export async function seedDemo(deps: Pick<Deps, 'store' | 'clock'>): Promise<SeedReport> {
  const { store, clock } = deps;
  const running = (await store.campaigns.listCities()).find((c) => c.currentCampaignId !== null);
  if (running) return { seeded: false, campaignId: running.currentCampaignId, posts: 0 };

  const data = buildDemoCampaign(dayOf(clock.now()), demoCity.id);
  const users = buildDemoUsers(demoCity.id);
  await store.campaigns.saveCity(demoCity);
  await store.campaigns.saveCampaign(data);
  for (const user of users) await store.people.putUser(user);
  // Deterministic requestIds: a seed cut short and run again replays what it already wrote.
  const posts = buildDemoPosts(data, users);
  for (const draft of posts) {
    const result = await store.posts.commitPost(draft, decideFigures(data, draft));
    if (!result.ok) throw new Error(`demo post ${draft.requestId} refused: ${result.error.message}`);
  }
  // Last, so a half-written seed is finished on the next start instead of being taken for done.
  await store.campaigns.setCurrentCampaign(demoCity.id, data.campaign.id);
  return { seeded: true, campaignId: data.campaign.id, posts: posts.length };
}
