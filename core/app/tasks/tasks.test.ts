/**
 * 挂图作战 through the API: who may save a task and what it may name; the list's order, filters and each
 * task's light and problem counts; a task with its problems and notes.
 */
import type { Light } from '../../contract';
import { campaign, rid, users } from '../../../tests/app/arena';
import { at10, baseTask, codeOf, messageOf, taskArena, type Who } from '../../../tests/app/tasks';

describe('task.save: admins and supervisors only', () => {
  it.each([
    ['an admin', 'admin', 'OK'],
    ['a supervisor', 'supervisor', 'OK'],
    ['a city leader', 'leader', 'FORBIDDEN'],
    ['a unit leader', 'leadA', 'FORBIDDEN'],
    ['a reporter', 'repA', 'FORBIDDEN'],
  ] as Array<[string, Who, string]>)('%s → %s', async (_who, as, expected) => {
    const t = await taskArena();
    const r = await t.call('task.save', { task: baseTask }, t.tok[as]);
    expect(codeOf(r)).toBe(expected);
    expect(await t.store.tasks.listTasks('c1')).toHaveLength(expected === 'OK' ? 1 : 0);
    if (expected === 'FORBIDDEN') expect(messageOf(r)).toContain('只有管理员或督办员可以新建和修改任务');
  });

  it('makes a new task with a fresh id, the lead unit first among the responsible units, each once', async () => {
    const t = await taskArena();
    const task = await t.saveTask({ leadUnitId: 'B', unitIds: ['A', 'B', 'C', 'A'], supervisorName: '' });
    expect(task).toEqual({
      ...baseTask,
      id: expect.any(String),
      campaignId: 'c1',
      leadUnitId: 'B',
      unitIds: ['B', 'A', 'C'],
      // Left blank: the supervisor account's own name.
      supervisorName: '赵督办',
      metricId: null,
      done: false,
      demo: false,
    });
    const again = await t.saveTask();
    expect(again.id).not.toBe(task.id);
  });

  it('edits a task in place by its id, keeping it labelled demo when it was; an unknown id is NOT_FOUND', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const stored = (await t.store.tasks.getTask('c1', task.id))!;
    await t.store.tasks.saveTask({ ...stored, demo: true });
    const edited = await t.saveTask({ id: task.id, title: '改名的任务', done: true }, 'supervisor');
    expect(edited).toMatchObject({ id: task.id, title: '改名的任务', done: true, demo: true });
    expect(await t.store.tasks.listTasks('c1')).toHaveLength(1);
    const missing = await t.call('task.save', { task: { ...baseTask, id: 'nope' } }, t.tok.admin);
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到任务「nope」。' } });
  });

  it.each([
    [{ trackId: 't-x' }, 'task.trackId：子活动「t-x」不在「三百竞赛（测试）」中。'],
    [{ leadUnitId: 'X' }, 'task.leadUnitId：牵头单位「X」不在「三百竞赛（测试）」中。'],
    [{ unitIds: ['A', 'Y'] }, 'task.unitIds.1：责任单位「Y」不在「三百竞赛（测试）」中。'],
    [{ metricId: 'm-x' }, 'task.metricId：关联指标「m-x」不在「三百竞赛（测试）」中。'],
    [{ deadline: '2025-11-31' }, 'task.deadline：日期「2025-11-31」不存在。'],
    [{ supervisorId: users.leader.id }, 'task.supervisorId：「leader」不是本市的督办员账号。'],
    [{ supervisorId: 'ghost' }, 'task.supervisorId：「ghost」不是本市的督办员账号。'],
  ])('refuses %j, naming the field, and writes nothing', async (over, message) => {
    const t = await taskArena();
    const r = await t.call('task.save', { task: { ...baseTask, ...over } }, t.tok.admin);
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
    expect(await t.store.tasks.listTasks('c1')).toEqual([]);
  });

  it('refuses a supervisor of another city', async () => {
    const t = await taskArena();
    await t.store.people.putUser({
      id: 'sup-x',
      name: '外市督办',
      role: 'supervisor',
      cityId: 'city-x',
      unitId: null,
    });
    const r = await t.call('task.save', { task: { ...baseTask, supervisorId: 'sup-x' } }, t.tok.admin);
    expect(messageOf(r)).toBe('task.supervisorId：「sup-x」不是本市的督办员账号。');
  });
});

describe('task.list', () => {
  it('lists every task for any signed-in user, by track in the campaign’s order, then by deadline, with filters', async () => {
    const t = await taskArena();
    const late = await t.saveTask({ title: '攻坚·晚', deadline: '2025-12-01' });
    const serve = await t.saveTask({
      title: '服务',
      trackId: 't-serve',
      deadline: '2025-10-20',
      leadUnitId: 'C',
      unitIds: [],
    });
    const early = await t.saveTask({
      title: '攻坚·早',
      deadline: '2025-11-01',
      leadUnitId: 'D',
      unitIds: ['A'],
    });
    for (const who of ['repC', 'leader', 'supervisor', 'admin'] as Who[]) {
      const { items } = await t.expectOk('task.list', {}, t.tok[who]);
      expect(items.map((i) => i.title)).toEqual(['攻坚·早', '攻坚·晚', '服务']);
    }
    const ids = async (filter: Record<string, unknown>) =>
      (await t.expectOk('task.list', filter, t.tok.leader)).items.map((i) => i.id);
    expect(await ids({ trackId: 't-serve' })).toEqual([serve.id]);
    expect(await ids({ unitId: 'A' })).toEqual([early.id, late.id]);
    expect(await ids({ unitId: 'C' })).toEqual([serve.id]);
    expect(await ids({ unitId: 'L' })).toEqual([]);
    expect(await ids({ trackId: 't-build', unitId: 'D' })).toEqual([early.id]);
    expect(codeOf(await t.call('task.list', { trackId: 'nope' }, t.tok.leader))).toBe('NOT_FOUND');
    expect(codeOf(await t.call('task.list', { unitId: 'nope' }, t.tok.leader))).toBe('NOT_FOUND');
    expect(campaign.tracks.map((tr) => tr.id)).toEqual(['t-build', 't-serve']);
  });

  it('counts each task’s problems not yet closed off, and those past their due date', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const quiet = await t.saveTask({ title: '无难题' });
    const a = await t.raise(task.id, { dueDate: '2025-10-11' });
    const b = await t.raise(task.id, { dueDate: '2025-10-12' });
    const c = await t.raise(task.id, { dueDate: '2025-10-30' });
    await t.closeOff(c.id);
    const row = async (id: string) =>
      (await t.expectOk('task.list', {}, t.tok.leader)).items.find((i) => i.id === id)!;
    expect(await row(task.id)).toMatchObject({ openProblems: 2, overdueProblems: 0, light: 'green' });
    t.setNow(at10('2025-10-12')); // a is past due; b is due today
    expect(await row(task.id)).toMatchObject({ openProblems: 2, overdueProblems: 1, light: 'yellow' });
    await t.closeOff(a.id); // closed off late: no longer open, nor overdue
    expect(await row(task.id)).toMatchObject({ openProblems: 1, overdueProblems: 0, light: 'green' });
    t.setNow(at10('2025-10-13'));
    expect(await row(task.id)).toMatchObject({ openProblems: 1, overdueProblems: 1, light: 'yellow' });
    expect(await row(quiet.id)).toMatchObject({ openProblems: 0, overdueProblems: 0, light: 'green' });
    expect(b.overdue).toBe(false);
  });
});

describe('a task’s light, through task.list', () => {
  /*
   * Today 10-10: τ = 0.4. 完成投资 (m-invest): A 3.5 of 10 → c 0.35, pace 0.875 → 预警 (yellow); B 20 of 20 →
   * done; C 6 of 10 → pace 1.5 → green. D and L have no target for it. Nothing posted for 签约项目
   * (m-signed): D's c 0, pace 0 → red.
   */
  async function lit() {
    const t = await taskArena();
    const post = (who: Who, unitId: string, metricId: string, value: number) =>
      t.expectOk(
        'post.create',
        { unitId, figures: [{ metricId, value }], text: '', requestId: rid() },
        t.tok[who],
      );
    await post('repA', 'A', 'm-invest', 3.5);
    await post('repB', 'B', 'm-invest', 20);
    await post('repC', 'C', 'm-invest', 6);
    const light = async (over: Parameters<typeof t.saveTask>[0]): Promise<Light> => {
      const { id } = await t.saveTask(over);
      const { items } = await t.expectOk('task.list', {}, t.tok.leader);
      return items.find((i) => i.id === id)!.light;
    };
    return { t, light };
  }

  it('is the linked metric’s worst light among the task’s units that have a target for it', async () => {
    const { light } = await lit();
    expect(await light({ metricId: 'm-invest', leadUnitId: 'A', unitIds: [] })).toBe('yellow');
    expect(await light({ metricId: 'm-invest', leadUnitId: 'A', unitIds: ['B', 'C'] })).toBe('yellow');
    expect(await light({ metricId: 'm-invest', leadUnitId: 'B', unitIds: ['C'] })).toBe('green');
    // A metric done is no reason for concern, but the task is not done until a supervisor says so.
    expect(await light({ metricId: 'm-invest', leadUnitId: 'B', unitIds: [] })).toBe('green');
    // No unit of the task has a target for it: the metric says nothing.
    expect(await light({ metricId: 'm-invest', leadUnitId: 'D', unitIds: ['L'] })).toBe('green');
    // D has not reported 签约项目: 滞后.
    expect(await light({ metricId: 'm-signed', leadUnitId: 'D', unitIds: ['A'] })).toBe('red');
  });

  it('is done once marked done, red past its deadline, yellow with a problem overdue, green otherwise', async () => {
    const { t, light } = await lit();
    expect(await light({ done: true, deadline: '2025-10-01', metricId: 'm-signed', leadUnitId: 'D' })).toBe(
      'done',
    );
    expect(await light({ deadline: '2025-10-09' })).toBe('red');
    expect(await light({ deadline: '2025-10-10' })).toBe('green');
    const task = await t.saveTask({ title: '有逾期难题' });
    await t.raise(task.id, { dueDate: '2025-10-10' });
    const now = async () =>
      (await t.expectOk('task.list', {}, t.tok.leader)).items.find((i) => i.id === task.id)!;
    expect((await now()).light).toBe('green');
    t.setNow(at10('2025-10-11'));
    expect(await now()).toMatchObject({ light: 'yellow', overdueProblems: 1 });
    // Red wins over yellow: the same task past its deadline.
    await t.saveTask({ id: task.id, deadline: '2025-10-10' });
    expect((await now()).light).toBe('red');
  });

  it('filters by light', async () => {
    const { t, light } = await lit();
    await light({ title: '黄', metricId: 'm-invest', leadUnitId: 'A', unitIds: [] });
    await light({ title: '红', deadline: '2025-10-01' });
    await light({ title: '绿' });
    const titles = async (l: Light) =>
      (await t.expectOk('task.list', { light: l }, t.tok.leader)).items.map((i) => i.title);
    expect(await titles('yellow')).toEqual(['黄']);
    expect(await titles('red')).toEqual(['红']);
    expect(await titles('green')).toEqual(['绿']);
    expect(await titles('done')).toEqual([]);
  });
});

describe('task.get', () => {
  it('gives the task with its light, its problems (open first, the longest open first) and its notes (newest first)', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const other = await t.saveTask({ title: '别的任务' });
    t.setNow(at10('2025-10-05'));
    const old = await t.raise(task.id, { title: '最早', dueDate: '2025-10-08' });
    t.setNow(at10('2025-10-07'));
    const closed = await t.raise(task.id, { title: '已销号', dueDate: '2025-10-20' });
    await t.closeOff(closed.id);
    t.setNow(at10('2025-10-09'));
    const recent = await t.raise(task.id, { title: '最近', unitId: 'B' }, 'repB');
    await t.raise(other.id, { title: '别的任务的难题' });
    t.setNow(at10('2025-10-10'));
    await t.expectOk('task.note', { taskId: task.id, text: '第一条', requestId: rid() }, t.tok.repA);
    t.advance(60_000);
    await t.expectOk('task.note', { taskId: task.id, text: '第二条', requestId: rid() }, t.tok.repB);

    const got = await t.expectOk('task.get', { taskId: task.id }, t.tok.repC);
    expect(got.task).toMatchObject({ id: task.id, light: 'yellow', openProblems: 2, overdueProblems: 1 });
    expect(got.problems.map((p) => [p.id, p.status, p.overdue])).toEqual([
      [old.id, 'open', true],
      [recent.id, 'open', false],
      [closed.id, 'closed', false],
    ]);
    expect(got.notes.map((n) => [n.text, n.authorName, n.unitId])).toEqual([
      ['第二条', '李娜', 'B'],
      ['第一条', '王芳', 'A'],
    ]);
    expect(codeOf(await t.call('task.get', { taskId: 'nope' }, t.tok.repC))).toBe('NOT_FOUND');
  });
});
