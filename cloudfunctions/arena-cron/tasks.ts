/**
 * What an operator runs by hand from the cloud console (云函数 → arena-cron → 云端测试), never the app:
 * `setup` creates the collections, `invite` makes the first admin's invite code, `loadCampaign` saves a
 * campaign (and makes it current), `seedDemo` loads the demo campaign when ARENA_DEMO=1. Each needs
 * `key` equal to the function's ARENA_TASK_KEY, so that a function exposed by HTTP cannot mint admins.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/contract';
import { INVITE_ALPHABET, INVITE_LENGTH } from '../../core/app';
import { seedDemo } from '../../core/app/demo';
import { parseInput } from '../../core/app/validate';
import type { CloudDeps } from '../../cloud/deps';
import { ensureCollections } from '../../adapters/cloudbase/setup';
import { CampaignFile, toCampaignData } from './campaign-file';

const Key = z.string({ error: '缺少 key（云函数环境变量 ARENA_TASK_KEY 的值）' });

export const TaskEvent = z.discriminatedUnion('task', [
  z.object({ task: z.literal('setup'), key: Key }),
  z.object({
    task: z.literal('invite'),
    key: Key,
    validHours: z.number().int().min(1, '有效期至少 1 小时').max(720, '有效期最多 30 天').default(72),
  }),
  z.object({ task: z.literal('loadCampaign'), key: Key, campaign: CampaignFile, makeCurrent: z.boolean().default(true) }),
  z.object({ task: z.literal('seedDemo'), key: Key }),
]);
export type TaskEvent = z.infer<typeof TaskEvent>;

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function runTask({ deps, config, db }: CloudDeps, event: unknown): Promise<Result<unknown>> {
  if (config.taskKey === null) {
    return fail('FORBIDDEN', '请先在云函数 arena-cron 的环境变量中设置 ARENA_TASK_KEY，再带上 key 运行维护任务。');
  }
  const parsed = parseInput(TaskEvent, event);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  if (!sameKey(input.key, config.taskKey)) return fail('FORBIDDEN', 'key 与 ARENA_TASK_KEY 不一致。');
  const { store, clock, ids } = deps;

  switch (input.task) {
    case 'setup':
      return ok({ created: await ensureCollections(db) });
    case 'invite': {
      const now = clock.now();
      const invite = {
        code: ids.newCode(INVITE_LENGTH, INVITE_ALPHABET),
        role: 'admin' as const,
        unitId: null,
        createdBy: 'console',
        createdAt: now,
        expiresAt: now + input.validHours * 3_600_000,
        usedBy: null,
        usedAt: null,
      };
      await store.people.createInvite(invite);
      return ok({ code: invite.code, role: invite.role, expiresAt: new Date(invite.expiresAt).toISOString() });
    }
    case 'loadCampaign': {
      const data = toCampaignData(input.campaign);
      await store.campaigns.saveCampaign(data);
      if (input.makeCurrent) await store.campaigns.setCurrentCampaignId(data.campaign.id);
      const current = await store.campaigns.getCurrentCampaignId();
      return ok({
        campaignId: data.campaign.id,
        current,
        counts: { tracks: data.tracks.length, metrics: data.metrics.length, units: data.units.length, targets: data.targets.length },
      });
    }
    case 'seedDemo':
      if (!deps.settings.demo) return fail('FORBIDDEN', '演示模式未开启：请先设置环境变量 ARENA_DEMO=1。');
      return ok(await seedDemo(deps));
  }
}
