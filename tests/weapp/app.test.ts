/**
 * The built mini-program (dist/weapp) on a simulated phone: it launches in a realm with only what WeChat
 * offers (and only what iOS 12's JavaScriptCore has), signs in by the phone's OPENID, and renders the
 * feed, the board and 我 from the real `arena` function bundle over the emulated cloud. Then a reporter
 * posts two figures through the editor, subscribes to reminders from the tap, and finds the post on top
 * of the feed; the unit page in the subpackage draws its trend on a canvas 2d. One story, in order.
 */
import { demoUnitList } from '../../core/app/demo';
import { actions } from '../../core/contract';
import { BUILD, TEMPLATE, startCloud, type Cloud } from './backend';
import { textOf } from './data-tree';
import { PHONE_OPENID, PHONE_USER, seedDemoAndBind } from './demo';
import { testBuild } from './dist';
import { bootPhone, type Phone } from './phone';

const unitNames = demoUnitList.map((u) => u.name);

let cloud: Cloud;
let phone: Phone;
/** What the editor test typed: the feed test looks for it. */
let posted: { name: string; value: string }[] = [];

beforeAll(async () => {
  const dist = testBuild();
  cloud = startCloud();
  await seedDemoAndBind(cloud.backend);
  phone = bootPhone({ dist, backend: cloud.backend, openid: PHONE_OPENID });
}, 60_000);

afterAll(() => {
  phone?.close();
  cloud?.dispose();
});

const callsSince = (from: number) => phone.wx.calls.slice(from);
const arenaActions = () =>
  phone.wx.callsTo('cloud.callFunction').map((c) => (c.params as { data: { action: string } }).data.action);

/** "当前 0.38 亿元 · 目标 1.2 亿元 …" → a value a little past the current one. */
function nextValue(facts: string): string {
  const target = Number(/目标 ([\d.]+)/.exec(facts)?.[1] ?? '10');
  const current = /当前 ([\d.]+)/.exec(facts)?.[1];
  return (current === undefined ? target / 2 : Number(current) + target * 0.05).toFixed(2);
}

describe('the mini-program on a phone with iOS 12 and the minimum base library', () => {
  it('launches: app.js runs where there is no process, window or document, and initialises the cloud', async () => {
    for (const missing of ['process', 'window', 'document', 'require', 'global']) {
      expect(`${missing}: ${phone.realm.typeOf(missing)}`).toBe(`${missing}: undefined`);
    }
    // iOS 12.0 has none of these; the app's polyfills must add what its libraries use.
    expect(phone.realm.typeOf('Object.fromEntries')).toBe('undefined');
    await phone.launch();
    expect(phone.realm.typeOf('globalThis')).toBe('object');
    expect(phone.realm.typeOf('Object.fromEntries')).toBe('function');
    const init = phone.wx.callsTo('cloud.init');
    expect(init).toHaveLength(1);
    // The README's build command substitutes the id: dist/weapp must be built by scripts/test-build.mjs.
    expect(init[0]!.params).toEqual({ env: BUILD.TARO_APP_CLOUD_ENV, traceUser: true });
    expect(phone.wx.calls[0]!.api).toBe('cloud.init');
  });

  it('the feed (晒) is built by setData from the cloud: the demo units’ posts, signed in as the bound reporter', async () => {
    const feed = phone.current();
    expect(feed.route).toBe('pages/feed/index');
    await phone.waitFor('the feed’s posts', () => feed.findAll({ className: 'post' }).length > 0);
    expect(feed.updates.length).toBeGreaterThan(0);
    expect(textOf(feed.find({ className: 'feed__who' }))).toBe(
      `${PHONE_USER.unit.name} · ${PHONE_USER.name}`,
    );
    const posts = feed.findAll({ className: 'post' });
    expect(posts).toHaveLength(10);
    const units = new Set(posts.map((p) => textOf(feed.find({ className: 'post__unit', within: p }))));
    expect([...units].every((u) => unitNames.includes(u))).toBe(true);
    expect(units.size).toBeGreaterThan(3);
    expect(arenaActions()).toEqual(expect.arrayContaining(['me.get', 'campaign.current', 'post.list']));
  });

  it('the board (榜) opens on the reporter’s division; 全市 ranks all 20 demo units, own unit pinned as 本单位', async () => {
    const board = await phone.tab('pages/board/index');
    await phone.waitFor('the leaderboard', () => board.findAll({ className: 'brow' }).length > 0);
    expect(board.text()).toContain(`${PHONE_USER.unit.division} · 共 8 个单位`);
    board.tap({ className: 'chips__item', text: '全市' });
    await phone.waitFor('the whole city', () => board.text().includes('全市 · 共 20 个单位'));
    const rows = board.findAll({ className: 'brow__unit' }).map(textOf);
    for (const name of unitNames) expect(rows).toContain(name);
    const pinned = board.find({ className: 'board__pinned' });
    expect(textOf(pinned)).toContain('本单位');
    expect(textOf(pinned)).toContain(PHONE_USER.unit.name);
  });

  it('我 shows who the cloud knows by this OPENID', async () => {
    const me = await phone.tab('pages/me/index');
    await phone.waitFor('我', () => me.text().includes(PHONE_USER.name));
    expect(me.text()).toContain('角色：填报员');
    expect(me.text()).toContain(`单位：${PHONE_USER.unit.name}`);
  });

  it('发布进展: the editor takes two figures and publishes them through the arena function', async () => {
    const feed = await phone.tab('pages/feed/index');
    feed.tap({ tag: 'button', text: '发布进展' });
    await phone.settle();
    expect(phone.wx.callsTo('navigateTo').at(-1)!.params).toMatchObject({
      url: expect.stringContaining('/pages/post/index'),
    });
    const editor = phone.current();
    expect(editor.route).toBe('pages/post/index');
    await phone.waitFor('the editor', () => editor.findAll({ className: 'mfield' }).length >= 2);

    const fields = editor.findAll({ className: 'mfield' }).slice(0, 2);
    const typed: { name: string; value: string }[] = [];
    for (const field of fields) {
      const name = textOf(editor.find({ className: 'mfield__name', within: field }));
      const value = nextValue(textOf(editor.find({ className: 'mfield__facts', within: field })));
      editor.input({ tag: 'input', within: field }, value);
      // One field after another, as a person types: each input renders before the next.
      await phone.settle();
      typed.push({ name, value });
    }
    editor.tap({ tag: 'button', text: /^发布$/ });
    await phone.waitFor('the post to be sent', () => editor.text().includes('返回动态'));

    const create = phone.wx
      .callsTo('cloud.callFunction')
      .find((c) => JSON.stringify(c.params).includes('post.create'));
    const sent = create!.params as {
      name: string;
      data: { data: { unitId: string; figures: { value: number }[] } };
    };
    expect(sent.name).toBe('arena');
    expect(sent.data.data.unitId).toBe(PHONE_USER.unit.id);
    expect(sent.data.data.figures.map((f) => f.value)).toEqual(typed.map((t) => Number(t.value)));
    expect(phone.wx.callsTo('showToast').at(-1)!.params).toMatchObject({ title: '已发布', icon: 'success' });
    // The cloud has it: the unit's newest post, as anyone reading the unit gets it.
    const stored = (await cloud.backend(
      'arena',
      { action: 'post.list', data: { unitId: PHONE_USER.unit.id, limit: 1 } },
      PHONE_OPENID,
    )) as {
      data: { items: { authorName: string; figures: { value: number }[] }[] };
    };
    expect(stored.data.items[0]).toMatchObject({
      authorName: PHONE_USER.name,
      figures: typed.map((t) => ({ value: Number(t.value) })),
    });
    posted = typed;
  });

  it('订阅提醒: the tap asks WeChat first, with nothing before it, and the consent reaches the cloud', async () => {
    const page = phone.current();
    const from = phone.wx.calls.length;
    page.tap({ tag: 'button', text: '订阅提醒' });
    const inHandler = callsSince(from);
    expect(inHandler[0]).toEqual({
      api: 'requestSubscribeMessage',
      params: { tmplIds: [TEMPLATE], entityIds: [] },
      inTap: true,
    });
    await phone.waitFor('the consent to be recorded', () =>
      phone.wx.callsTo('showToast').some((c) => (c.params as { title: string }).title === '已开启提醒'),
    );
    const subscribe = callsSince(from).find((c) => JSON.stringify(c.params).includes('notify.subscribe'));
    expect(subscribe!.params).toMatchObject({
      name: 'arena',
      data: { action: 'notify.subscribe', data: { accepted: [TEMPLATE] } },
    });
  });

  it('返回动态: back on the feed, the new post is on top with both figures', async () => {
    phone.current().tap({ tag: 'button', text: '返回动态' });
    await phone.settle();
    const feed = phone.current();
    expect(feed.route).toBe('pages/feed/index');
    await phone.waitFor('the new post on top', () =>
      textOf(feed.findAll({ className: 'post' })[0]!).includes(PHONE_USER.name),
    );
    const top = textOf(feed.findAll({ className: 'post' })[0]!);
    expect(top).toContain(`${PHONE_USER.unit.name}${PHONE_USER.name} · 刚刚`);
    for (const { name, value } of posted) {
      expect(top).toContain(name);
      expect(top).toContain(String(Number(value)));
    }
  });

  it('a unit’s page (the unit subpackage) draws its trend on a canvas 2d at the phone’s pixel ratio', async () => {
    const board = await phone.tab('pages/board/index');
    board.tap(
      board.findAll({ className: 'brow' }).find((row) => textOf(row).includes(PHONE_USER.unit.name))!,
    );
    await phone.settle();
    const unit = phone.current();
    expect(unit.route).toBe('packages/unit/pages/detail/index');
    expect(unit.instance.options).toEqual({ unitId: PHONE_USER.unit.id });
    // The page has two charts (the median radar and the trend): the trend's canvas is found by its id.
    const trend = () => [...phone.canvases.entries()].find(([id]) => id.startsWith('trend-chart-'))?.[1];
    await phone.waitFor('the trend chart', () => (trend()?.recording.ops.length ?? 0) > 0);
    await phone.settle();
    const canvas = trend();
    // The minimum base library has no getWindowInfo: the chart takes the ratio from getSystemInfoSync.
    expect(phone.wx.wx.getWindowInfo).toBeUndefined();
    expect({ width: canvas!.node.width, height: canvas!.node.height }).toEqual({
      width: 343 * 2,
      height: 240 * 2,
    });
    const strokes = canvas!.recording.ops.filter((op) => op.op === 'stroke');
    expect(strokes.some((op) => op.style?.strokeStyle === '#1f56c8' && op.style.lineWidth === 3)).toBe(true);
    expect(strokes.some((op) => op.style?.strokeStyle === '#545454' && op.style.dash.length > 0)).toBe(true);
    expect(canvas!.recording.ops.some((op) => op.op === 'fillText' && op.args[0] === '完成率')).toBe(true);
  });

  it('asked WeChat only for what it offers, and nothing went wrong on the way', () => {
    expect(phone.errors).toEqual([]);
    expect(phone.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(
      new Set(phone.wx.callsTo('cloud.callFunction').map((c) => (c.params as { name: string }).name)),
    ).toEqual(new Set(['arena']));
    // WeChat refuses a setData over 1 MB and slows down long before; a page update stays small.
    const biggest = Math.max(...phone.stack.flatMap((p) => p.updates.map((u) => u.bytes)));
    expect(biggest).toBeLessThan(256 * 1024);
    for (const action of new Set(arenaActions())) expect(Object.keys(actions)).toContain(action);
    for (const action of [
      'me.get',
      'campaign.current',
      'post.list',
      'board.leaderboard',
      'unit.detail',
      'unit.trend',
      'post.create',
      'notify.subscribe',
    ])
      expect(arenaActions()).toContain(action);
  });
});
