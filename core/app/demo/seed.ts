/**
 * Writes the demo campaign into a store: the campaign, its demo users, and 40 days of posts committed
 * one by one through the same transaction a live post takes (so latest and daily figures are real).
 * Seeding a store that already has a current campaign does nothing.
 */
import { dayOf } from '../../domain/days';
import { decideFigures } from '../posts/decide-figures';
import type { Deps } from '../ports';
import { buildDemoCampaign } from './campaign';
import { buildDemoPosts } from './posts';
import { buildDemoUsers } from './users';

export interface SeedReport {
  seeded: boolean;
  campaignId: string | null;
  posts: number;
}

export async function seedDemo(deps: Pick<Deps, 'store' | 'clock'>): Promise<SeedReport> {
  const { store, clock } = deps;
  const current = await store.campaigns.getCurrentCampaignId();
  if (current !== null) return { seeded: false, campaignId: current, posts: 0 };

  const data = buildDemoCampaign(dayOf(clock.now()));
  const users = buildDemoUsers();
  await store.campaigns.saveCampaign(data);
  for (const user of users) await store.people.putUser(user);
  // Deterministic requestIds: a seed cut short and run again replays what it already wrote.
  const posts = buildDemoPosts(data, users);
  for (const draft of posts) {
    const result = await store.posts.commitPost(draft, decideFigures(data, draft));
    if (!result.ok) throw new Error(`demo post ${draft.requestId} refused: ${result.error.message}`);
  }
  // Last, so a half-written seed is finished on the next start instead of being taken for done.
  await store.campaigns.setCurrentCampaignId(data.campaign.id);
  return { seeded: true, campaignId: data.campaign.id, posts: posts.length };
}
