/**
 * 月度通报 on the simulated phone (the reviews subpackage of the WeChat build): the demo cloud, where a
 * supervisor on another phone has published the latest closed month; the bound reporter opens 我 › 月度通报,
 * sees the months newest first, and opens the published 通报 — its title, 约谈名单 with the level, the
 * rankings by division and metric, 导出 Excel and no 打印 (WeChat has no printing).
 */
import type { ActionOutput } from '../../core/contract';
import { periodName } from '../../core/domain/review';
import { startCloud, TASK_KEY, type Backend, type Cloud } from './backend';
import { textOf } from './data-tree';
import { PHONE_OPENID, seedDemoAndBind } from './demo';
import { testBuild } from './dist';
import { bootPhone, type Phone } from './phone';

const SUPERVISOR_OPENID = 'o-weapp-supervisor';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

function data<T>(what: string, answer: unknown): T {
  const env = answer as Envelope;
  if (!env || env.ok !== true) throw new Error(`${what} failed: ${JSON.stringify(answer)}`);
  return env.data as T;
}

/**
 * A supervisor bound the way an operator binds one (a console admin invite, then the admin's invite for
 * the role), who publishes the latest closed month: answers that month.
 */
async function publishLatestClosed(backend: Backend): Promise<string> {
  const adminOpenid = 'o-weapp-reviews-admin';
  const arena = (action: string, payload: object, openid: string) =>
    backend('arena', { action, data: payload }, openid);
  const first = data<{ code: string }>(
    'invite',
    await backend('arena-cron', { task: 'invite', key: TASK_KEY, validHours: 1 }, null),
  );
  data('admin me.bind', await arena('me.bind', { inviteCode: first.code, name: '管理员乙' }, adminOpenid));
  const made = data<{ invite: { code: string } }>(
    'admin.invite',
    await arena('admin.invite', { role: 'supervisor', validHours: 1 }, adminOpenid),
  );
  data(
    'me.bind',
    await arena('me.bind', { inviteCode: made.invite.code, name: '督办员乙' }, SUPERVISOR_OPENID),
  );
  const { months } = data<ActionOutput<'review.list'>>(
    'review.list',
    await arena('review.list', {}, SUPERVISOR_OPENID),
  );
  const latest = months.find((m) => m.closed && m.published === null);
  if (!latest) throw new Error(`no closed month waits to be published: ${JSON.stringify(months)}`);
  data(
    'review.publish',
    await arena(
      'review.publish',
      { period: latest.period, note: '请列入约谈的单位对照目标找差距。', requestId: 'weapp-reviews-publish' },
      SUPERVISOR_OPENID,
    ),
  );
  return latest.period;
}

let cloud: Cloud;
let phone: Phone;
let period = '';

beforeAll(async () => {
  const dist = testBuild();
  cloud = startCloud();
  await seedDemoAndBind(cloud.backend);
  period = await publishLatestClosed(cloud.backend);
  phone = bootPhone({ dist, backend: cloud.backend, openid: PHONE_OPENID });
  await phone.launch();
}, 60_000);

afterAll(() => {
  phone?.close();
  cloud?.dispose();
});

describe('月度通报 on the phone', () => {
  it('我 › 月度通报 lists the months newest first: the running one, then the published ones', async () => {
    const me = await phone.tab('pages/me/index');
    await phone.waitFor('the review entries', () =>
      me.findAll({ className: 'me__entry' }).some((n) => textOf(n).startsWith('月度通报')),
    );
    // A reporter follows the own unit's 约谈, 书面说明 and 扣分
    const entries = me.findAll({ className: 'me__entry-name' }).map(textOf);
    expect(entries).toEqual(expect.arrayContaining(['月度通报', '约谈', '书面说明', '考核扣分台账']));
    me.tap(me.findAll({ className: 'me__entry' }).find((n) => textOf(n).startsWith('月度通报'))!);
    await phone.settle();
    const months = phone.current();
    expect(months.route).toBe('packages/reviews/pages/months/index');
    await phone.waitFor('the months', () => months.findAll({ className: 'mo' }).length > 0);
    const names = months.findAll({ className: 'mo__name' }).map(textOf);
    expect(names[1]).toBe(periodName(period));
    const states = months.findAll({ className: 'rchip' }).map(textOf);
    expect(states[0]).toMatch(/本月未结束/);
    expect(states[1]).toMatch(/已发布/);
    expect(textOf(months.findAll({ className: 'mo' })[1]!)).toMatch(/\d+ 个单位列入约谈/);
    expect(phone.errors).toEqual([]);
  });

  it('the published month opens its 通报: title, 按语, 约谈名单 with levels, rankings, 导出 Excel, no 打印', async () => {
    const months = phone.current();
    months.tap(months.findAll({ className: 'mo' })[1]!);
    await phone.settle();
    const review = phone.current();
    expect(review.route).toBe('packages/reviews/pages/review/index');
    expect(review.instance.options).toMatchObject({ period });
    await phone.waitFor('the rankings', () => review.findAll({ className: 'rrow' }).length > 0);
    expect(textOf(review.find({ className: 'rv__title' }))).toBe(`${periodName(period)}月度通报`);
    expect(textOf(review.find({ className: 'rv__meta' }))).toMatch(/^第 1 版 · .* 发布 · 督办员乙$/);
    const text = review.text();
    expect(text).toContain('请列入约谈的单位对照目标找差距。');
    expect(text).toContain('约谈名单');
    expect(text).toContain('按增幅排名');
    const levels = review.findAll({ className: 'rflag' }).map(textOf);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((l) => /约谈(分管|主要)领导/.test(l))).toBe(true);
    for (const row of review.findAll({ className: 'rrow' }).slice(0, 5)) {
      const t = textOf(row);
      for (const k of ['本月完成', '月度目标', '上年同期', '增幅']) expect(t).toContain(k);
      expect(t).toMatch(/完成|未完成|无月度目标/);
    }
    expect(review.findAll({ className: 'rv__tool' }).map(textOf)).toEqual(['导出 Excel']);
    expect(phone.errors).toEqual([]);
  });
});
