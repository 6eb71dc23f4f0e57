/**
 * 难题销号 through the API: who may raise a problem, every lifecycle step tried by every role (the
 * problem's own unit's reporter and leader, a reporter of another unit, a supervisor, a city leader, an
 * admin), the steps the lifecycle does not have, the notes steps need, replays by requestId, and problems
 * of other campaigns and cities.
 */
import type { ProblemStatus } from '../../contract';
import { campaign, city, rid, users } from '../../../tests/app/arena';
import { at10, codeOf, messageOf, taskArena, type Who } from '../../../tests/app/tasks';

type Arena = Awaited<ReturnType<typeof taskArena>>;

const everyone: Array<[string, Who]> = [
  ['a reporter of the unit', 'repA'],
  ['a reporter of another unit', 'repB'],
  ['the unit leader', 'leadA'],
  ['a supervisor', 'supervisor'],
  ['a city leader', 'leader'],
  ['an admin', 'admin'],
];

/** A problem of unit A brought to `status` by the sides whose steps those are. */
async function problemIn(t: Arena, taskId: string, status: ProblemStatus): Promise<string> {
  const { id } = await t.raise(taskId);
  const path: Array<[ProblemStatus, Who]> = [
    ['in_progress', 'repA'],
    ['resolved', 'repA'],
    ['reopened', 'supervisor'],
  ];
  const upTo = { open: 0, in_progress: 1, resolved: 2, reopened: 3, closed: -1 }[status];
  if (upTo < 0) {
    await t.closeOff(id);
    return id;
  }
  for (const [to, who] of path.slice(0, upTo)) await t.stepOk(id, to, who, '说明');
  return id;
}

describe('problem.transition: every step, tried by every role', () => {
  let t: Arena;
  let taskId: string;
  beforeAll(async () => {
    t = await taskArena();
    taskId = (await t.saveTask()).id;
  });

  const unitSide = new Set<Who>(['repA', 'leadA']);
  const steps: Array<{
    from: ProblemStatus;
    to: ProblemStatus;
    note: string;
    may: Set<Who>;
    refusal: string;
  }> = [
    {
      from: 'open',
      to: 'in_progress',
      note: '',
      may: unitSide,
      refusal: '只有该难题责任单位的填报员或负责人可以「开始处理」。',
    },
    {
      from: 'in_progress',
      to: 'resolved',
      note: '指标已调剂到位',
      may: unitSide,
      refusal: '只有该难题责任单位的填报员或负责人可以「已解决」。',
    },
    {
      from: 'resolved',
      to: 'closed',
      note: '核实无误，同意销号',
      may: new Set(['supervisor']),
      refusal: '只有督办员可以「销号」。',
    },
    {
      from: 'resolved',
      to: 'reopened',
      note: '用地手续仍未办结',
      may: new Set(['supervisor']),
      refusal: '只有督办员可以「重新打开」。',
    },
    {
      from: 'reopened',
      to: 'in_progress',
      note: '',
      may: unitSide,
      refusal: '只有该难题责任单位的填报员或负责人可以「开始处理」。',
    },
  ];
  const cases = steps.flatMap((s) => everyone.map(([who, as]) => ({ ...s, who, as })));

  it.each(cases)('$from → $to by $who', async ({ from, to, note, may, refusal, as }) => {
    const id = await problemIn(t, taskId, from);
    const before = await t.history(id);
    const r = await t.step(id, to, as, note);
    if (may.has(as)) {
      expect(r).toMatchObject({ ok: true, data: { problem: { id, status: to } } });
      const after = await t.history(id);
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ from, to, note, byId: users[as].id, byName: users[as].name });
    } else {
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: refusal } });
      // Refused: not one event more, and the problem where it was.
      expect(await t.history(id)).toEqual(before);
      const { problems } = await t.expectOk('task.get', { taskId }, t.tok.leader);
      expect(problems.find((p) => p.id === id)?.status).toBe(from);
    }
  });

  it('records who took each step, when, from what, to what and why, oldest first', async () => {
    t.setNow(at10('2025-10-10'));
    const { id } = await t.raise(taskId, { detail: '项目用地报批卡在指标上' }, 'leadA');
    t.setNow('2025-10-11T03:00:00Z');
    await t.stepOk(id, 'in_progress', 'repA', '');
    await t.stepOk(id, 'resolved', 'leadA', '指标已调剂到位');
    t.setNow('2025-10-12T06:30:00Z');
    await t.stepOk(id, 'reopened', 'supervisor', '用地手续仍未办结');
    await t.stepOk(id, 'in_progress', 'repA', '');
    await t.stepOk(id, 'resolved', 'repA', '手续办结');
    const closed = await t.stepOk(id, 'closed', 'supervisor', '同意销号');
    expect(closed).toMatchObject({
      status: 'closed',
      closedDay: '2025-10-12',
      raisedDay: '2025-10-10',
      overdue: false,
    });
    expect((await t.history(id)).map((e) => [e.at, e.byName, e.from, e.to, e.note])).toEqual([
      ['2025-10-10T02:00:00.000Z', '张伟', null, 'open', '项目用地报批卡在指标上'],
      ['2025-10-11T03:00:00.000Z', '王芳', 'open', 'in_progress', ''],
      ['2025-10-11T03:00:00.000Z', '张伟', 'in_progress', 'resolved', '指标已调剂到位'],
      ['2025-10-12T06:30:00.000Z', '赵督办', 'resolved', 'reopened', '用地手续仍未办结'],
      ['2025-10-12T06:30:00.000Z', '王芳', 'reopened', 'in_progress', ''],
      ['2025-10-12T06:30:00.000Z', '王芳', 'in_progress', 'resolved', '手续办结'],
      ['2025-10-12T06:30:00.000Z', '赵督办', 'resolved', 'closed', '同意销号'],
    ]);
    t.setNow(at10('2025-10-10'));
  });
});

describe('problem.transition: steps the lifecycle does not have, and notes it needs', () => {
  let t: Arena;
  let taskId: string;
  beforeAll(async () => {
    t = await taskArena();
    taskId = (await t.saveTask()).id;
  });

  it.each([
    [
      'open',
      'resolved',
      'repA',
      '难题现在是「待处理」，不能直接改为「已解决」；下一步只能是「开始处理」（改为处理中）。',
    ],
    [
      'open',
      'closed',
      'supervisor',
      '难题现在是「待处理」，不能直接改为「已销号」；下一步只能是「开始处理」（改为处理中）。',
    ],
    [
      'in_progress',
      'closed',
      'supervisor',
      '难题现在是「处理中」，不能直接改为「已销号」；下一步只能是「已解决」（改为已解决）。',
    ],
    [
      'resolved',
      'in_progress',
      'repA',
      '难题现在是「已解决」，不能直接改为「处理中」；下一步只能是「销号」（改为已销号）或「重新打开」（改为重新打开）。',
    ],
    ['closed', 'reopened', 'supervisor', '难题已销号，不能再改为「重新打开」。'],
    ['closed', 'in_progress', 'repA', '难题已销号，不能再改为「处理中」。'],
  ] as Array<[ProblemStatus, ProblemStatus, Who, string]>)(
    '%s → %s (by %s) is CONFLICT, naming the next steps, and changes nothing',
    async (from, to, as, message) => {
      const id = await problemIn(t, taskId, from);
      const before = await t.history(id);
      expect(await t.step(id, to, as, '说明')).toEqual({ ok: false, error: { code: 'CONFLICT', message } });
      expect(await t.history(id)).toEqual(before);
    },
  );

  it.each([
    ['in_progress', 'resolved', 'repA', '请填写解决情况。'],
    ['resolved', 'closed', 'supervisor', '请填写销号意见。'],
    ['resolved', 'reopened', 'supervisor', '请填写重新打开的原因。'],
  ] as Array<[ProblemStatus, ProblemStatus, Who, string]>)(
    '%s → %s without its note is INVALID_ARGUMENT (%s), and changes nothing',
    async (from, to, as, message) => {
      const id = await problemIn(t, taskId, from);
      const before = await t.history(id);
      expect(await t.step(id, to, as, '   ')).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message },
      });
      expect(await t.history(id)).toEqual(before);
      // With the note it goes through.
      expect(codeOf(await t.step(id, to, as, '已核实'))).toBe('OK');
    },
  );

  it('lets a request refused once go through when sent right (a refusal keeps no trace of its requestId)', async () => {
    const id = await problemIn(t, taskId, 'in_progress');
    const requestId = rid();
    expect(codeOf(await t.step(id, 'resolved', 'repA', '', requestId))).toBe('INVALID_ARGUMENT');
    expect(await t.step(id, 'resolved', 'repA', '已落实', requestId)).toMatchObject({
      ok: true,
      data: { problem: { status: 'resolved' } },
    });
  });
});

describe('replaying a request changes nothing', () => {
  it('problem.create twice with one requestId: one problem, one event, the first answer', async () => {
    const t = await taskArena();
    const { id: taskId } = await t.saveTask();
    const input = t.raiseInput(taskId);
    const first = await t.expectOk('problem.create', input, t.tok.repA);
    const again = await t.expectOk('problem.create', { ...input, title: '重发时改了标题' }, t.tok.repA);
    expect(again.problem).toEqual(first.problem);
    const { items } = await t.expectOk('problem.list', {}, t.tok.leader);
    expect(items.map((p) => p.id)).toEqual([first.problem.id]);
    expect(await t.history(first.problem.id)).toHaveLength(1);
    // Another user's request with the same id is a problem of its own.
    const theirs = await t.expectOk('problem.create', input, t.tok.leadA);
    expect(theirs.problem.id).not.toBe(first.problem.id);
  });

  it('problem.transition twice with one requestId: one step; a replay after a later step answers the problem as it is', async () => {
    const t = await taskArena();
    const { id: taskId } = await t.saveTask();
    const { id } = await t.raise(taskId);
    const requestId = rid();
    const first = await t.step(id, 'in_progress', 'repA', '', requestId);
    const again = await t.step(id, 'in_progress', 'repA', '', requestId);
    expect(again).toEqual(first);
    expect((await t.history(id)).map((e) => e.to)).toEqual(['open', 'in_progress']);
    const versionBefore = await t.store.standings.dataVersion(campaign.campaign.id);
    await t.stepOk(id, 'resolved', 'leadA', '已解决');
    // The phone retries its old request: no CONFLICT, no new event, the problem as it is now.
    expect(await t.step(id, 'in_progress', 'repA', '', requestId)).toMatchObject({
      ok: true,
      data: { problem: { status: 'resolved' } },
    });
    expect((await t.history(id)).map((e) => e.to)).toEqual(['open', 'in_progress', 'resolved']);
    expect(await t.store.standings.dataVersion(campaign.campaign.id)).toBe(versionBefore + 1);
  });
});

describe('problem.create: who may raise a problem, and what it may be', () => {
  const cases: Array<[string, Who, string, string]> = [
    ['a reporter of the unit, for it', 'repA', 'A', 'OK'],
    ['the unit leader, for the unit', 'leadA', 'A', 'OK'],
    ['a reporter of another responsible unit, for theirs', 'repB', 'B', 'OK'],
    ['a reporter of another unit, for the unit', 'repB', 'A', 'FORBIDDEN'],
    ['a reporter of a unit the task does not name, for it', 'repC', 'C', 'FORBIDDEN'],
    ['a reporter bound to no unit', 'loose', 'A', 'FORBIDDEN'],
    ['a supervisor, for any responsible unit', 'supervisor', 'B', 'OK'],
    ['a supervisor, for a unit the task does not name', 'supervisor', 'C', 'INVALID_ARGUMENT'],
    ['a city leader', 'leader', 'A', 'FORBIDDEN'],
    ['an admin', 'admin', 'A', 'FORBIDDEN'],
  ];
  it.each(cases)('%s (%s for %s) → %s', async (_who, as, unitId, expected) => {
    const t = await taskArena();
    const { id: taskId } = await t.saveTask();
    const r = await t.call('problem.create', t.raiseInput(taskId, { unitId }), t.tok[as]);
    expect(codeOf(r)).toBe(expected);
    const { items } = await t.expectOk('problem.list', {}, t.tok.leader);
    expect(items).toHaveLength(expected === 'OK' ? 1 : 0);
    if (expected === 'OK') {
      expect(items[0]).toMatchObject({
        taskId,
        unitId,
        status: 'open',
        raisedDay: '2025-10-10',
        dueDate: '2025-10-20',
        closedDay: null,
        overdue: false,
      });
    }
  });

  it('says why, in Chinese, naming the unit', async () => {
    const t = await taskArena();
    const { id: taskId } = await t.saveTask();
    const as = async (who: Who, unitId: string) =>
      messageOf(await t.call('problem.create', t.raiseInput(taskId, { unitId }), t.tok[who]));
    expect(await as('repB', 'A')).toBe('只能为本单位提出难题：你属于「乙镇」，不能为「甲镇」提出。');
    expect(await as('repC', 'C')).toBe('「丙平台」不是任务「重大项目开工」的责任单位，不能对它提出难题。');
    expect(await as('leader', 'A')).toBe(
      '市领导不能提出难题：只有任务责任单位的填报员、单位负责人或督办员可以。',
    );
    expect(await as('supervisor', 'C')).toBe(
      'unitId：「丙平台」不是任务「重大项目开工」的责任单位，请选择该任务的责任单位。',
    );
    expect(await as('supervisor', 'X')).toBe('unitId：单位「X」不在「三百竞赛（测试）」中。');
  });

  it('takes a due date from today on, a real one, in the campaign’s time zone', async () => {
    const t = await taskArena();
    const { id: taskId } = await t.saveTask();
    // 2025-10-09T17:00Z is already 10-10 01:00 in Shanghai.
    t.setNow('2025-10-09T17:00:00Z');
    const yesterday = await t.call(
      'problem.create',
      t.raiseInput(taskId, { dueDate: '2025-10-09' }),
      t.tok.repA,
    );
    expect(yesterday).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'dueDate：处理期限不能早于今天（2025-10-10）。' },
    });
    const impossible = await t.call(
      'problem.create',
      t.raiseInput(taskId, { dueDate: '2025-02-30' }),
      t.tok.repA,
    );
    expect(messageOf(impossible)).toBe('dueDate：日期「2025-02-30」不存在。');
    const today = await t.raise(taskId, { dueDate: '2025-10-10' });
    expect(today).toMatchObject({ raisedDay: '2025-10-10', dueDate: '2025-10-10', overdue: false });
    expect((await t.expectOk('problem.list', {}, t.tok.leader)).items).toHaveLength(1);
  });

  it('refuses text the content check finds risky, writing nothing', async () => {
    const t = await taskArena({
      ports: { guard: { check: async (text) => ({ verdict: text.includes('违禁') ? 'risky' : 'pass' }) } },
    });
    const { id: taskId } = await t.saveTask();
    const r = await t.call('problem.create', t.raiseInput(taskId, { detail: '违禁内容' }), t.tok.repA);
    expect(codeOf(r)).toBe('INVALID_ARGUMENT');
    expect((await t.expectOk('problem.list', {}, t.tok.leader)).items).toHaveLength(0);
  });
});

describe('a problem or task of another campaign or city is NOT_FOUND', () => {
  it('answers the same for a campaign of the city that is not the one asked about, and for another city', async () => {
    const t = await taskArena();
    await t.store.campaigns.saveCampaign({
      ...campaign,
      campaign: { ...campaign.campaign, id: 'c2', name: '秋季竞赛' },
    });
    const other = await t.expectOk(
      'task.save',
      {
        campaignId: 'c2',
        task: { title: '秋季任务', trackId: 't-build', leadUnitId: 'A', deadline: '2025-11-30' },
      },
      t.tok.admin,
    );
    const p = (
      await t.expectOk('problem.create', { ...t.raiseInput(other.task.id), campaignId: 'c2' }, t.tok.repA)
    ).problem;
    // Asked about the current campaign (c1): neither exists there.
    expect(codeOf(await t.call('task.get', { taskId: other.task.id }, t.tok.repA))).toBe('NOT_FOUND');
    expect(codeOf(await t.call('problem.history', { problemId: p.id }, t.tok.repA))).toBe('NOT_FOUND');
    expect(codeOf(await t.step(p.id, 'in_progress', 'repA'))).toBe('NOT_FOUND');
    expect(codeOf(await t.call('problem.create', t.raiseInput(other.task.id), t.tok.repA))).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.call('task.note', { taskId: other.task.id, text: '进展', requestId: rid() }, t.tok.repA),
      ),
    ).toBe('NOT_FOUND');
    // Named: found.
    expect(
      (await t.expectOk('task.get', { campaignId: 'c2', taskId: other.task.id }, t.tok.repA)).problems,
    ).toHaveLength(1);

    // Another city: its campaign, task and problem are not there for this city's users at all.
    await t.store.campaigns.saveCity({ id: 'city-x', name: '外市' });
    await t.store.campaigns.saveCampaign({
      ...campaign,
      cityId: 'city-x',
      campaign: { ...campaign.campaign, id: 'cx' },
    });
    const at = Date.parse('2025-10-10T02:00:00Z');
    await t.store.tasks.saveTask({
      id: 'tx',
      cityId: 'city-x',
      campaignId: 'cx',
      title: '外市任务',
      content: '',
      targetText: '',
      trackId: 't-build',
      leadUnitId: 'A',
      unitIds: ['A'],
      contactLeader: '',
      supervisorName: '',
      supervisorId: null,
      deadline: '2025-11-30',
      metricId: null,
      done: false,
      demo: false,
      updatedAt: at,
    });
    const foreign = await t.call('task.get', { campaignId: 'cx', taskId: 'tx' }, t.tok.admin);
    expect(foreign).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到竞赛「cx」。' } });
    expect(codeOf(await t.call('problem.list', { campaignId: 'cx' }, t.tok.admin))).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.call(
          'task.save',
          {
            campaignId: 'cx',
            task: { id: 'tx', title: '改', trackId: 't-build', leadUnitId: 'A', deadline: '2025-11-30' },
          },
          t.tok.admin,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect((await t.store.tasks.getTask('cx', 'tx'))?.title).toBe('外市任务');
    expect(city.id).not.toBe('city-x');
  });
});
