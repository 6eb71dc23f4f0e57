/**
 * The charts and sharing of 榜 and the unit pages on the simulated phone (WeChat build): 榜's 图表 opens the
 * division's score bars on a canvas 2d, with 序时参考 as a dashed upright line; the phone user's unit page
 * draws its radar against the division's median and its trend with 序时 and the target, each on a canvas
 * 2d of its own; and 榜, the chart and the unit page fill WeChat's 转发 and 朋友圈 with their own card and
 * a path that opens the same page — a shared 榜 opening on the shared division.
 */
import { divisions } from '../../core/app/demo';
import { textOf } from './data-tree';
import { PHONE_USER } from './demo';
import { demoPhoneForFile } from './demo-phone';
import type { FakeCanvas, Op } from './fake-canvas';
import type { PageHandle } from './page';
import type { Phone } from './phone';

let phone: Phone;
demoPhoneForFile((p) => (phone = p));

const DPR = 2;
const canvasOf = (prefix: string): FakeCanvas | undefined =>
  [...phone.canvases.entries()].find(([id]) => id.startsWith(`${prefix}-`))?.[1];

async function drawn(prefix: string): Promise<Op[]> {
  await phone.waitFor(`the ${prefix} chart`, () => (canvasOf(prefix)?.recording.ops.length ?? 0) > 0);
  await phone.settle();
  return canvasOf(prefix)!.recording.ops;
}

const texts = (ops: Op[]) => ops.filter((o) => o.op === 'fillText').map((o) => String(o.args[0]));
const strokes = (ops: Op[], color: string) =>
  ops.filter((o) => o.op === 'stroke' && o.style?.strokeStyle === color);
const fills = (ops: Op[], color: string) =>
  ops.filter((o) => o.op === 'fill' && o.style?.fillStyle === color);

/** The device-pixel points of the path stroked by `stroke`. */
function pathOf(ops: Op[], stroke: Op): [number, number][] {
  const end = ops.indexOf(stroke);
  const begin = ops
    .slice(0, end)
    .map((o) => o.op)
    .lastIndexOf('beginPath');
  return ops
    .slice(begin, end)
    .flatMap((o) => (o.op === 'moveTo' || o.op === 'lineTo' ? (o.points ?? []) : []));
}

/** What WeChat gets when the person picks 转发 or 分享到朋友圈 in the capsule menu; null when the page offers none. */
function share(
  page: PageHandle,
  hook: 'onShareAppMessage' | 'onShareTimeline',
): Record<string, string> | null {
  const fn = page.instance[hook];
  if (typeof fn !== 'function') return null;
  return JSON.parse(JSON.stringify(fn.call(page.instance, { from: 'menu' }))) as Record<string, string>;
}

const enc = encodeURIComponent;

describe('charts and sharing on the phone', () => {
  it('榜 offers 转发 and 朋友圈: the user’s unit, its place and score, opening 榜 on the same division', async () => {
    const board = await phone.tab('pages/board/index');
    await phone.waitFor('the rows', () => board.findAll({ className: 'brow' }).length > 0);
    const card = share(board, 'onShareAppMessage');
    expect(card).not.toBeNull();
    expect(card!.title).toMatch(
      new RegExp(
        `^“三百”竞赛（演示）榜单：${PHONE_USER.unit.name} ${divisions.towns}第\\d+名 · \\d+\\.\\d分$`,
      ),
    );
    expect(card!.path).toBe(`/pages/board/index?division=${enc(divisions.towns)}`);
    expect(share(board, 'onShareTimeline')).toEqual({
      title: card!.title,
      query: `division=${enc(divisions.towns)}`,
    });
  });

  it('图表 opens the division’s scores as bars on a canvas 2d, 序时参考 dashed and upright', async () => {
    const board = phone.current();
    board.tap({ className: 'board__chart-link', text: /图表/ });
    await phone.settle();
    const page = phone.current();
    expect(page.route).toBe('packages/unit/pages/division/index');
    expect(page.instance.options).toEqual({ division: divisions.towns });
    await phone.waitFor('the written scores', () => page.findAll({ className: 'dchart__row' }).length > 0);
    const rows = page.findAll({ className: 'dchart__row' }).map(textOf);
    expect(rows).toHaveLength(8);
    const scores = rows.map((r) => Number(/([\d.]+) 分/.exec(r)![1]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(rows.filter((r) => r.includes(`${PHONE_USER.unit.name}（本单位）`))).toHaveLength(1);
    const reference = /序时参考 ([\d.]+) 分/.exec(textOf(page.find({ className: 'dchart__note' })))![1]!;

    const ops = await drawn('score-bars');
    const canvas = canvasOf('score-bars')!;
    expect({ width: canvas.node.width, height: canvas.node.height }).toEqual({
      width: 343 * DPR,
      height: 240 * DPR,
    });
    // Every unit a bar: the others blue, the user's own another colour (and named in words too).
    expect(fills(ops, '#1f56c8').length).toBeGreaterThanOrEqual(7);
    expect(fills(ops, '#b4530b').length).toBeGreaterThanOrEqual(1);
    expect(texts(ops)).toEqual(
      expect.arrayContaining([`${PHONE_USER.unit.name}（本单位）`, `序时参考 ${reference}`]),
    );
    const [line] = strokes(ops, '#545454').filter((o) => (o.style?.dash.length ?? 0) > 0);
    expect(line).toBeDefined();
    const xs = pathOf(ops, line!).map(([x]) => x);
    const ys = pathOf(ops, line!).map(([, y]) => y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(1);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(100);
    // The canvas is made as tall as its units need.
    const node = page.findAll({}).find((n) => page.tagOf(n) === 'canvas')!;
    expect(String(node.st)).toMatch(/height:\s*[\d.]+rpx/);
    // No picture button on WeChat: the capsule menu shares the page.
    expect(page.text()).not.toContain('分享');

    expect(share(page, 'onShareAppMessage')).toEqual({
      title: `“三百”竞赛（演示） ${divisions.towns}综合得分图`,
      path: `/packages/unit/pages/division/index?division=${enc(divisions.towns)}`,
    });
    expect(share(page, 'onShareTimeline')).toMatchObject({ query: `division=${enc(divisions.towns)}` });
    expect(phone.errors).toEqual([]);
  });

  it('the unit page draws its radar against the division’s median and its trend with 序时 and the target', async () => {
    const chart = phone.current();
    chart.tap(chart.findAll({ className: 'dchart__row' }).find((r) => textOf(r).includes('（本单位）'))!);
    await phone.settle();
    const unit = phone.current();
    expect(unit.route).toBe('packages/unit/pages/detail/index');
    expect(unit.instance.options).toEqual({ unitId: PHONE_USER.unit.id });

    const radar = await drawn('median-radar');
    expect(texts(radar)).toEqual(expect.arrayContaining(['本单位', '组内中位数', '比绩效', '比贡献']));
    expect(strokes(radar, '#1f56c8').some((o) => o.style!.dash.length === 0)).toBe(true);
    expect(strokes(radar, '#b4530b').some((o) => o.style!.dash.length > 0)).toBe(true);
    await phone.waitFor(
      'the median written out',
      () => unit.findAll({ className: 'mrad__row' }).length === 6,
    );
    expect(unit.text()).toContain('乡镇街道 8 个单位每项得分');

    const trend = await drawn('trend-chart');
    expect(texts(trend)).toEqual(expect.arrayContaining(['完成率', '序时进度', '目标 100%']));
    expect(strokes(trend, '#545454').some((o) => o.style!.dash.length > 0)).toBe(true);
    expect(strokes(trend, '#136e32').some((o) => o.style!.dash.length > 0)).toBe(true);
    expect(phone.errors).toEqual([]);
  });

  it('the unit page offers a card with its rank in its division and its score, opening that unit', async () => {
    const unit = phone.current();
    const head = textOf(unit.find({ className: 'uhead__sub' }));
    const rank = /组内第 (\d+) 名/.exec(head)![1];
    const score = /([\d.]+) 分/.exec(textOf(unit.find({ className: 'brow' })))?.[1];
    const card = share(unit, 'onShareAppMessage')!;
    expect(card.title).toBe(`${PHONE_USER.unit.name} 组内第${rank}名 · ${score}分`);
    expect(card.path).toBe(`/packages/unit/pages/detail/index?unitId=${PHONE_USER.unit.id}`);
    expect(share(unit, 'onShareTimeline')).toEqual({
      title: card.title,
      query: `unitId=${PHONE_USER.unit.id}`,
    });
  });

  it('a shared 榜 opens on the division it was shared from, whatever the reader’s own', async () => {
    // WeChat opens a shared card's path as a fresh start on that page.
    const wx = phone.wx.wx as { reLaunch(o: { url: string }): Promise<unknown> };
    await wx.reLaunch({ url: `/pages/board/index?division=${enc(divisions.platforms)}` });
    await phone.settle();
    const board = phone.current();
    expect(board.route).toBe('pages/board/index');
    await phone.waitFor('the platforms', () => board.text().includes(`${divisions.platforms} · 共`));
    expect(board.text()).toContain(`✓ ${divisions.platforms}`);
    expect(phone.errors).toEqual([]);
  });
});
