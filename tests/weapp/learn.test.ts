/**
 * 学 on the simulated phone (the learn subpackage of the WeChat build), over the demo cloud: from 榜 the 学
 * link opens it, with nothing recommended yet it says who recommends, and 各组前三 lists each division's top
 * units with their scores; once a city leader (bound on another phone) has recommended the newest post with a
 * reason and added a 点评, 学 opened from 晒 shows it with the reason and who recommended it, its comments
 * sheet lists the 点评 first, and the bound reporter likes it and comments from the phone.
 */
import type { ActionOutput } from '../../core/contract';
import { startCloud, TASK_KEY, type Backend, type Cloud } from './backend';
import { textOf } from './data-tree';
import { PHONE_OPENID, PHONE_USER, seedDemoAndBind } from './demo';
import { testBuild } from './dist';
import { bootPhone, type Phone } from './phone';

const LEADER_OPENID = 'o-weapp-learn-leader';
const LEADER = '市领导乙';
const REASON = '项目专班周调度，问题不过夜';
const REMARK = '请各单位学习这个做法。';
const LEARN = 'packages/learn/pages/learn/index';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

function data<T>(what: string, answer: unknown): T {
  const env = answer as Envelope;
  if (!env || env.ok !== true) throw new Error(`${what} failed: ${JSON.stringify(answer)}`);
  return env.data as T;
}

const arena = (backend: Backend, action: string, payload: object, openid: string) =>
  backend('arena', { action, data: payload }, openid);

/** A city leader bound the way an operator binds one: a console admin invite, then the admin's invite. */
async function bindLeader(backend: Backend): Promise<void> {
  const adminOpenid = 'o-weapp-learn-admin';
  const first = data<{ code: string }>(
    'invite',
    await backend('arena-cron', { task: 'invite', key: TASK_KEY, validHours: 1 }, null),
  );
  data(
    'admin me.bind',
    await arena(backend, 'me.bind', { inviteCode: first.code, name: '管理员丙' }, adminOpenid),
  );
  const made = data<{ invite: { code: string } }>(
    'admin.invite',
    await arena(backend, 'admin.invite', { role: 'leader', validHours: 1 }, adminOpenid),
  );
  data(
    'me.bind',
    await arena(backend, 'me.bind', { inviteCode: made.invite.code, name: LEADER }, LEADER_OPENID),
  );
}

/** The leader recommends the newest post and adds a 点评 to it; answers its unit's name. */
async function recommendNewest(backend: Backend): Promise<string> {
  const { items } = data<ActionOutput<'post.list'>>(
    'post.list',
    await arena(backend, 'post.list', { limit: 1 }, LEADER_OPENID),
  );
  const post = items[0]!;
  data(
    'post.exemplar',
    await arena(backend, 'post.exemplar', { postId: post.id, on: true, reason: REASON }, LEADER_OPENID),
  );
  data(
    'post.comment',
    await arena(
      backend,
      'post.comment',
      { postId: post.id, text: REMARK, requestId: 'weapp-learn-remark' },
      LEADER_OPENID,
    ),
  );
  return post.unitName;
}

let cloud: Cloud;
let phone: Phone;

beforeAll(async () => {
  const dist = testBuild();
  cloud = startCloud();
  await seedDemoAndBind(cloud.backend);
  await bindLeader(cloud.backend);
  phone = bootPhone({ dist, backend: cloud.backend, openid: PHONE_OPENID });
  await phone.launch();
}, 60_000);

afterAll(() => {
  phone?.close();
  cloud?.dispose();
});

describe('学 on the phone', () => {
  it('opens from 榜; with nothing recommended it says who recommends; 各组前三 lists each division’s top units', async () => {
    const board = await phone.tab('pages/board/index');
    await phone.waitFor('the 学 link', () => board.findAll({ className: 'learn-link' }).length === 1);
    board.tap({ className: 'learn-link' });
    await phone.settle();
    const learn = phone.current();
    expect(learn.route).toBe(LEARN);
    await phone.waitFor('the empty state', () => learn.text().includes('还没有推荐的经验做法'));
    expect(learn.text()).toContain('还没有推荐的经验做法。督办员和市领导可在动态上点“推荐为经验做法”。');
    // The demo campaign's three tracks, and 全部
    expect(learn.findAll({ className: 'chips__item' }).map(textOf)).toEqual([
      '✓ 全部',
      '百日攻坚',
      '百日招商',
      '百日服务',
    ]);

    learn.tap({ className: 'learn__tab', text: '各组前三' });
    await phone.waitFor('the divisions', () => learn.findAll({ className: 'lunit' }).length > 0);
    const titles = learn.findAll({ className: 'section-title' }).map(textOf);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.every((t) => / · 前三$/.test(t))).toBe(true);
    expect(titles).toContain(`${PHONE_USER.unit.division} · 前三`);
    const ranks = learn.findAll({ className: 'lunit__rank' }).map(textOf);
    expect(ranks.length).toBeLessThanOrEqual(3 * titles.length);
    expect(ranks.filter((r) => r === '1')).toHaveLength(titles.length);
    expect(
      learn
        .findAll({ className: 'lunit__score' })
        .map(textOf)
        .every((s) => /^\d+\.\d 分$/.test(s)),
    ).toBe(true);
    expect(phone.errors).toEqual([]);
  });

  it('a leader’s recommendation shows in 学 from 晒, with why and by whom; the sheet lists the 点评 first; 赞 and 评论 work', async () => {
    const unitName = await recommendNewest(cloud.backend);
    const feed = await phone.tab('pages/feed/index');
    await phone.waitFor('the 学 link', () => feed.findAll({ className: 'learn-link' }).length === 1);
    feed.tap({ className: 'learn-link' });
    await phone.settle();
    const learn = phone.current();
    expect(learn.route).toBe(LEARN);
    await phone.waitFor('the recommended post', () => learn.findAll({ className: 'post' }).length === 1);
    const card = learn.find({ className: 'post' });
    expect(textOf(learn.find({ className: 'post__unit', within: card }))).toBe(unitName);
    const mark = textOf(learn.find({ className: 'exemplar', within: card }));
    expect(mark).toContain('★ 经验做法');
    expect(mark).toContain(REASON);
    expect(mark).toContain(`${LEADER} 推荐`);

    learn.tap({ className: 'react__btn', text: /^♡\s*赞/, within: card });
    await phone.waitFor('已赞', () =>
      /♥\s*已赞 1/.test(textOf(learn.find({ className: 'react', within: card }))),
    );

    learn.tap({ className: 'react__btn', text: /^评论/, within: card });
    await phone.waitFor('the comments', () => learn.findAll({ className: 'cmt' }).length === 1);
    const remark = learn.find({ className: 'cmt' });
    expect(textOf(remark)).toContain('点评');
    expect(textOf(remark)).toContain(`${LEADER} · 市领导`);
    expect(textOf(remark)).toContain(REMARK);

    learn.input({ tag: 'textarea' }, '我们单位也学起来');
    await phone.settle();
    expect(textOf(learn.find({ className: 'psheet__count' }))).toBe('8 / 500');
    learn.tap({ tag: 'button', text: '发送' });
    await phone.waitFor('the comment', () => learn.findAll({ className: 'cmt' }).length === 2);
    const texts = learn.findAll({ className: 'cmt__text' }).map(textOf);
    expect(texts).toEqual([REMARK, '我们单位也学起来']);
    expect(textOf(learn.find({ className: 'react', within: card }))).toMatch(/评论 2/);
    expect(phone.errors).toEqual([]);
  });
});
