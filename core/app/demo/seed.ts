/**
 * Writes the demo city into a store: the city, its campaign, its demo users, 40 days of posts committed
 * one by one through the same transaction a live post takes (so latest and daily figures are real), and
 * the 挂图作战 tasks with their problems, each step of each problem taken through the store's own
 * lifecycle write, and the 通报 of the month before the latest closed one (./seed-reviews.ts), so that the
 * latest is still to be published on day 41. Seeding a store where some city already has a current campaign
 * does nothing — except that a demo seeded before tasks existed gets its tasks and problems, once.
 */
import { dayOf } from '../../domain/days';
import { decideFigures } from '../posts/decide-figures';
import type { CampaignData, Deps, Store, UserRecord } from '../ports';
import { buildDemoCampaign, demoCampaignId, demoCity } from './campaign';
import { buildDemoPosts } from './posts';
import { seedDemoReviews } from './seed-reviews';
import { buildDemoTasks, demoStep, demoTaskId, demoTaskSpecs } from './tasks';
import { buildDemoUsers } from './users';

export interface SeedReport {
  seeded: boolean;
  campaignId: string | null;
  posts: number;
  /** Tasks and problems written by this run. */
  tasks: number;
  problems: number;
  /** 通报 published by this run. */
  reviews: number;
}

async function seedDemoTasks(
  store: Store,
  data: CampaignData,
  users: UserRecord[],
): Promise<{ tasks: number; problems: number }> {
  const { tasks, problems } = buildDemoTasks(data, users);
  const userById = new Map(users.map((u) => [u.id, u]));
  // Deterministic requestIds here too: a run cut short replays what it wrote and goes on from there.
  for (const { problem, raised, steps } of problems) {
    await store.tasks.createProblem(problem, raised);
    for (const step of steps) {
      const by = userById.get(step.byId);
      if (!by) throw new Error(`demo problem ${problem.id}: no user ${step.byId}`);
      const result = await store.tasks.stepProblem(
        data.campaign.id,
        problem.id,
        { byId: by.id, requestId: step.requestId },
        demoStep(step, by),
      );
      if (!result.ok) throw new Error(`demo problem ${problem.id} step refused: ${result.message}`);
    }
  }
  // Tasks last, so the last task written tells a later start that this run finished.
  for (const task of tasks) await store.tasks.saveTask(task);
  return { tasks: tasks.length, problems: problems.length };
}

export async function seedDemo(deps: Pick<Deps, 'store' | 'clock'>): Promise<SeedReport> {
  const { store, clock } = deps;
  const running = (await store.campaigns.listCities()).find((c) => c.currentCampaignId !== null);
  if (running) {
    const nothing = {
      seeded: false,
      campaignId: running.currentCampaignId,
      posts: 0,
      tasks: 0,
      problems: 0,
      reviews: 0,
    };
    if (running.currentCampaignId !== demoCampaignId) return nothing;
    // A demo seeded before 挂图作战 existed: give it its tasks, dated from its own campaign days.
    const data = await store.campaigns.loadCampaign(demoCampaignId);
    const last = demoTaskSpecs.at(-1);
    if (!data || !last || (await store.tasks.getTask(demoCampaignId, demoTaskId(last)))) return nothing;
    return { ...nothing, ...(await seedDemoTasks(store, data, buildDemoUsers(data.cityId))) };
  }

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
  const written = await seedDemoTasks(store, data, users);
  const reviews = await seedDemoReviews(store, data, users);
  // Last, so a half-written seed is finished on the next start instead of being taken for done.
  await store.campaigns.setCurrentCampaign(demoCity.id, data.campaign.id);
  return { seeded: true, campaignId: data.campaign.id, posts: posts.length, ...written, reviews };
}
