import { memoryStore } from '../../../tests/app/memory-store';
import { dayOf } from '../../domain/days';
import { checkStep } from '../../domain/problem-steps';
import type { Store } from '../ports';
import { buildDemoCampaign, buildDemoUsers, demoCampaignId, demoCity, seedDemo } from '.';
import { buildDemoTasks } from './tasks';

const now = Date.parse('2025-10-20T01:30:00Z'); // 09:30 in Shanghai
const clock = { now: () => now };
const data = buildDemoCampaign(dayOf(now));
const users = buildDemoUsers();
const planned = buildDemoTasks(data, users);
const userOf = new Map(users.map((u) => [u.id, u]));

/** A demo as seeded before 挂图作战 existed: the campaign and its users, current, and no tasks. */
async function demoWithoutTasks(store: Store): Promise<void> {
  await store.campaigns.saveCity(demoCity);
  await store.campaigns.saveCampaign(data);
  for (const u of users) await store.people.putUser(u);
  await store.campaigns.setCurrentCampaign(demoCity.id, demoCampaignId);
}

describe('seedDemo and the 挂图作战 list', () => {
  it('writes every task and problem, each problem with the history its steps made in the store', async () => {
    const store = memoryStore();
    const report = await seedDemo({ store, clock });
    expect(report).toMatchObject({ seeded: true, tasks: planned.tasks.length, problems: 38 });
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await store.tasks.listTasks(demoCampaignId))).toEqual(byId(planned.tasks));

    const saved = await store.tasks.listProblems(demoCampaignId);
    expect(saved).toHaveLength(38);
    for (const { problem, raised, steps } of planned.problems) {
      const history = await store.tasks.problemHistory(demoCampaignId, problem.id);
      expect(history).toEqual([raised, ...steps]);
      // Read back from the store: each step legal for its taker, from where the one before left it.
      for (const [i, e] of history.entries()) {
        if (i === 0) continue;
        const by = userOf.get(e.byId);
        if (!by) throw new Error(`no user ${e.byId}`);
        expect(e.from).toBe(history[i - 1]?.to);
        expect(checkStep(e.from ?? 'open', e.to, by, problem.unitId, e.note).ok).toBe(true);
      }
      const last = history.at(-1)!;
      const stored = saved.find((p) => p.id === problem.id);
      expect(stored).toMatchObject({
        status: last.to,
        updatedAt: last.at,
        closedDay: last.to === 'closed' ? dayOf(last.at) : null,
        demo: true,
      });
    }
    const statuses = new Set(saved.map((p) => p.status));
    expect(statuses).toEqual(new Set(['open', 'in_progress', 'resolved', 'closed', 'reopened']));
  });

  it('gives a demo seeded before tasks existed its tasks and problems once', async () => {
    const store = memoryStore();
    await demoWithoutTasks(store);
    const version = await store.standings.dataVersion(demoCampaignId);
    const later = { now: () => now + 5 * 86_400_000 };
    expect(await seedDemo({ store, clock: later })).toEqual({
      seeded: false,
      campaignId: demoCampaignId,
      posts: 0,
      tasks: planned.tasks.length,
      problems: 38,
      reviews: 0,
    });
    // Dated from the campaign's own days, not from the later clock: the same list as a fresh seed.
    expect(await store.tasks.listProblems(demoCampaignId)).toHaveLength(38);
    expect((await store.tasks.getTask(demoCampaignId, planned.tasks[0]!.id))?.deadline).toBe(
      planned.tasks[0]!.deadline,
    );
    const after = await store.standings.dataVersion(demoCampaignId);
    expect(after).toBeGreaterThan(version);

    expect(await seedDemo({ store, clock: later })).toMatchObject({ seeded: false, tasks: 0, problems: 0 });
    expect(await store.standings.dataVersion(demoCampaignId)).toBe(after);
  });

  it('finishes a run cut short without writing any step twice', async () => {
    const store = memoryStore();
    await demoWithoutTasks(store);
    // The first problem raised and its first step taken, then the run stopped.
    const first = planned.problems[0]!;
    await store.tasks.createProblem(first.problem, first.raised);
    const step = first.steps[0]!;
    await store.tasks.stepProblem(demoCampaignId, first.problem.id, step, (current) => ({
      ok: true,
      problem: { ...current, status: step.to, updatedAt: step.at },
      event: step,
    }));
    await seedDemo({ store, clock });
    expect(await store.tasks.problemHistory(demoCampaignId, first.problem.id)).toEqual([
      first.raised,
      ...first.steps,
    ]);
    expect(await store.tasks.listProblems(demoCampaignId)).toHaveLength(38);
  });

  it('leaves a city that runs a campaign of its own alone', async () => {
    const store = memoryStore();
    await store.campaigns.saveCity(demoCity);
    await store.campaigns.saveCampaign({ ...data, campaign: { ...data.campaign, id: 'c-real' } });
    await store.campaigns.setCurrentCampaign(demoCity.id, 'c-real');
    expect(await seedDemo({ store, clock })).toEqual({
      seeded: false,
      campaignId: 'c-real',
      posts: 0,
      tasks: 0,
      problems: 0,
      reviews: 0,
    });
    expect(await store.tasks.listTasks('c-real')).toEqual([]);
    expect(await store.tasks.listTasks(demoCampaignId)).toEqual([]);
  });
});
