/**
 * 挂图作战 on the simulated phone: from 榜 the link opens the tasks subpackage's 挂图 page, which lists the
 * demo campaign's tasks by track with each light in words; a task opens with its people and problems, and
 * 拆槛除障 draws its bars by cause on a canvas 2d.
 */
import { demoTaskSpecs } from '../../core/app/demo/tasks';
import { textOf } from './data-tree';
import { demoPhoneForFile } from './demo-phone';
import type { Phone } from './phone';

let phone: Phone;
demoPhoneForFile((p) => (phone = p));

describe('挂图作战 on the phone', () => {
  it('opens from 榜 and lists the demo’s tasks by track, each light in words', async () => {
    const board = await phone.tab('pages/board/index');
    await phone.waitFor('the links row', () => board.findAll({ className: 'board__link' }).length === 2);
    board.tap({ className: 'board__link', text: /挂图作战/ });
    await phone.settle();
    const map = phone.current();
    expect(map.route).toBe('packages/tasks/pages/board/index');
    await phone.waitFor('the tasks', () => map.findAll({ className: 'tcard' }).length > 0);
    const titles = map.findAll({ className: 'tcard__title' }).map(textOf);
    expect(titles).toHaveLength(demoTaskSpecs.length);
    expect(new Set(titles)).toEqual(new Set(demoTaskSpecs.map((t) => t.title)));
    const groups = map.findAll({ className: 'section-title' }).map(textOf);
    expect(groups.map((g) => g.replace(/ · \d+ 项$/, ''))).toEqual(['百日攻坚', '百日招商', '百日服务']);
    const lights = map.findAll({ className: 'light' }).map(textOf);
    expect(lights.every((l) => /^[●▲■✓]\s*(正常|预警|滞后|完成)$/.test(l))).toBe(true);
    expect(phone.errors).toEqual([]);
  });

  it('a task opens with its people and its problems, their status in words', async () => {
    const map = phone.current();
    const withProblems = map
      .findAll({ className: 'tcard' })
      .find((c) => /未销号难题 \d+ 个/.test(textOf(c)))!;
    map.tap(withProblems);
    await phone.settle();
    const task = phone.current();
    expect(task.route).toBe('packages/tasks/pages/task/index');
    await phone.waitFor('the task', () => task.findAll({ className: 'pcard' }).length > 0);
    expect(task.text()).toContain('联系市领导');
    expect(task.text()).toContain('督导员');
    const statuses = task.findAll({ className: 'pchip' }).map(textOf);
    expect(statuses.some((s) => /待处理|处理中|已解决|重新打开/.test(s))).toBe(true);
    expect(phone.errors).toEqual([]);
  });

  it('拆槛除障 draws its bars by cause on a canvas 2d', async () => {
    const blockers = await phone.tab('pages/board/index');
    blockers.tap({ className: 'board__link', text: /拆槛除障/ });
    await phone.settle();
    const page = phone.current();
    expect(page.route).toBe('packages/tasks/pages/blockers/index');
    await phone.waitFor('the counts', () => page.findAll({ className: 'bk__row' }).length >= 7);
    const chart = () => [...phone.canvases.entries()].find(([id]) => id.startsWith('blockers-chart'))?.[1];
    await phone.waitFor('the bars', () => (chart()?.recording.ops.length ?? 0) > 0);
    await phone.settle();
    const ops = chart()!.recording.ops;
    for (const cause of ['政策', '土地', '审批']) {
      expect(ops.some((op) => op.op === 'fillText' && op.args[0] === cause)).toBe(true);
    }
    expect(ops.some((op) => op.op === 'fillText' && op.args[0] === '已销号')).toBe(true);
    expect(phone.errors).toEqual([]);
  });
});
