/**
 * What an operator runs by hand from the cloud console (云函数 → arena-cron → 云端测试), never the app:
 * `setup` creates the collections and upgrades documents written by an older version, `invite` makes the
 * first admin's invite code, `loadCampaign` saves a campaign (and makes it current), `seedDemo` loads the
 * demo city when ARENA_DEMO=1. Each needs `key` equal to the function's ARENA_TASK_KEY, so that a function
 * exposed by HTTP cannot mint admins. `invite` and `loadCampaign` are the core's own admin use cases
 * (issueInvite, saveCampaignFile), run for a city: the one given, else the only one, else a first city.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CampaignFile, fail, ok, type Result } from '../../core/contract';
import { demoOffNotice, issueInvite, saveCampaignFile } from '../../core/app';
import { DEFAULT_CITY } from '../../core/app/campaigns/store';
import { createCampaignCache } from '../../core/app/campaigns/view';
import { seedDemo } from '../../core/app/demo';
import type { Store } from '../../core/app/store';
import { parseInput } from '../../core/app/validate';
import type { CloudDeps } from '../../cloud/deps';
import { ensureCollections, upgradeDocuments } from '../../adapters/cloudbase/setup';

const Key = z.string({ error: '缺少 key（云函数环境变量 ARENA_TASK_KEY 的值）' });

/** The city a task is for; its name is needed only to create it or rename it. */
const City = z.object({
  id: z.string({ error: '城市 ID 应为字符串' }).regex(/^[a-z0-9-]{1,40}$/, '城市 ID 为 1–40 位小写字母、数字或 -'),
  name: z.string().trim().min(1, '请填写城市名称').max(40, '城市名称最多 40 字').optional(),
});

export const TaskEvent = z.discriminatedUnion('task', [
  z.object({ task: z.literal('setup'), key: Key }),
  z.object({
    task: z.literal('invite'),
    key: Key,
    city: City.optional(),
    validHours: z.number().int().min(1, '有效期至少 1 小时').max(720, '有效期最多 30 天').default(72),
  }),
  z.object({
    task: z.literal('loadCampaign'),
    key: Key,
    city: City.optional(),
    campaign: CampaignFile,
    makeCurrent: z.boolean().default(true),
  }),
  z.object({ task: z.literal('seedDemo'), key: Key }),
]);
export type TaskEvent = z.infer<typeof TaskEvent>;

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The city a task acts in: the one named (created, or renamed when a name is given); else the only
 * city; else, on an environment without one, a first city. With several cities the task must name one.
 */
async function taskCity(store: Store, city: z.infer<typeof City> | undefined): Promise<Result<string>> {
  if (city) {
    const known = await store.campaigns.getCity(city.id);
    if (!known && city.name === undefined) return fail('NOT_FOUND', `城市「${city.id}」不存在：新建城市请同时给出 name。`);
    if (city.name !== undefined) await store.campaigns.saveCity({ id: city.id, name: city.name });
    return ok(city.id);
  }
  const cities = await store.campaigns.listCities();
  if (cities.length === 1) return ok(cities[0]!.id);
  if (cities.length > 1) {
    return fail('INVALID_ARGUMENT', `已有多个城市（${cities.map((c) => c.id).join('、')}），请用 city: { id } 指明。`);
  }
  await store.campaigns.saveCity(DEFAULT_CITY);
  return ok(DEFAULT_CITY.id);
}

export async function runTask({ deps, config, db }: CloudDeps, event: unknown): Promise<Result<unknown>> {
  if (config.taskKey === null) {
    return fail('FORBIDDEN', '请先在云函数 arena-cron 的环境变量中设置 ARENA_TASK_KEY，再带上 key 运行维护任务。');
  }
  const parsed = parseInput(TaskEvent, event);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  if (!sameKey(input.key, config.taskKey)) return fail('FORBIDDEN', 'key 与 ARENA_TASK_KEY 不一致。');
  const { store } = deps;

  switch (input.task) {
    case 'setup': {
      const created = await ensureCollections(db);
      const upgraded = await upgradeDocuments(db);
      // With ARENA_DEMO off, say what that disabled (demo users answer 401 then), as the server's start log does.
      const demoOff = await demoOffNotice(deps);
      if (demoOff) deps.log?.({ ...demoOff });
      return ok({ created, upgraded, ...(demoOff ? { demoOff: demoOff.detail } : {}) });
    }
    case 'invite': {
      const city = await taskCity(store, input.city);
      if (!city.ok) return city;
      const made = await issueInvite(deps, createCampaignCache(), {
        cityId: city.data,
        role: 'admin',
        validHours: input.validHours,
        createdBy: 'console',
      });
      return made.ok ? ok({ ...made.data.invite, cityId: city.data }) : made;
    }
    case 'loadCampaign': {
      const city = await taskCity(store, input.city);
      if (!city.ok) return city;
      return saveCampaignFile(deps, city.data, input.campaign, input.makeCurrent);
    }
    case 'seedDemo':
      if (!deps.settings.demo) return fail('FORBIDDEN', '演示模式未开启：请先设置环境变量 ARENA_DEMO=1。');
      return ok(await seedDemo(deps));
  }
}
