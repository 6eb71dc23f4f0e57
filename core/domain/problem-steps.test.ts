import { problemStatuses, roles, type ProblemStatus, type Role } from '../contract';
import { checkStep, isOverdue, nextSteps, stepsFor, taskRefusal } from './problem-steps';

const unit = 'u-longshan';
const actor = (role: Role, unitId: string | null = null) => ({ role, unitId });

/** The lifecycle of DOMAIN.md, written out: from → to → who. */
const lifecycle: Array<[ProblemStatus, ProblemStatus, 'unit' | 'supervisor', boolean]> = [
  ['open', 'in_progress', 'unit', false],
  ['in_progress', 'resolved', 'unit', true],
  ['resolved', 'closed', 'supervisor', true],
  ['resolved', 'reopened', 'supervisor', true],
  ['reopened', 'in_progress', 'unit', false],
];

describe('难题 steps', () => {
  it.each(lifecycle)('%s → %s is taken by the %s side, and by no one else', (from, to, side, needsNote) => {
    const everyone = [
      ...roles.map(
        (r) =>
          [
            actor(r, unit),
            r === 'supervisor' ? 'supervisor' : r === 'reporter' || r === 'unit_leader' ? 'unit' : null,
          ] as const,
      ),
      // Staff of another unit are not the responsible unit.
      [actor('reporter', 'u-other'), null] as const,
      [actor('unit_leader', 'u-other'), null] as const,
    ];
    for (const [who, whoSide] of everyone) {
      const r = checkStep(from, to, who, unit, '已协调解决');
      if (whoSide === side) expect(r).toMatchObject({ ok: true, step: { from, to } });
      else expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const blank = checkStep(
      from,
      to,
      side === 'unit' ? actor('reporter', unit) : actor('supervisor'),
      unit,
      '  ',
    );
    expect(blank.ok).toBe(!needsNote);
    if (!blank.ok)
      expect(blank).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^请填写/) });
  });

  it('refuses every step the lifecycle does not have, naming the ones it has', () => {
    const allowed = new Set(lifecycle.map(([from, to]) => `${from}>${to}`));
    for (const from of problemStatuses)
      for (const to of problemStatuses) {
        if (allowed.has(`${from}>${to}`)) continue;
        const r = checkStep(from, to, actor('supervisor'), unit, '说明');
        expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
      }
    // Skipping 处理中: an open problem cannot be resolved or closed off at once.
    expect(checkStep('open', 'closed', actor('supervisor'), unit, '销号')).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '难题现在是「待处理」，不能直接改为「已销号」；下一步只能是「开始处理」（改为处理中）。',
    });
    expect(checkStep('resolved', 'in_progress', actor('reporter', unit), unit, '')).toMatchObject({
      message:
        '难题现在是「已解决」，不能直接改为「处理中」；下一步只能是「销号」（改为已销号）或「重新打开」（改为重新打开）。',
    });
    expect(checkStep('closed', 'reopened', actor('supervisor'), unit, '再查')).toMatchObject({
      message: '难题已销号，不能再改为「重新打开」。',
    });
  });

  it('tells the wrong side who may take the step', () => {
    expect(checkStep('resolved', 'closed', actor('unit_leader', unit), unit, '好')).toMatchObject({
      message: '只有督办员可以「销号」。',
    });
    expect(checkStep('in_progress', 'resolved', actor('supervisor'), unit, '好')).toMatchObject({
      message: '只有该难题责任单位的填报员或负责人可以「已解决」。',
    });
  });

  it('offers each side only its own next steps', () => {
    expect(stepsFor('resolved', actor('supervisor'), unit).map((s) => s.to)).toEqual(['closed', 'reopened']);
    expect(stepsFor('resolved', actor('reporter', unit), unit)).toEqual([]);
    expect(stepsFor('open', actor('reporter', unit), unit).map((s) => s.to)).toEqual(['in_progress']);
    expect(stepsFor('open', actor('reporter', 'u-other'), unit)).toEqual([]);
    expect(stepsFor('open', actor('admin'), unit)).toEqual([]);
    expect(nextSteps('closed')).toEqual([]);
  });

  it('calls a problem overdue from the day after its due date until it is closed off', () => {
    expect(isOverdue({ status: 'in_progress', dueDay: '2025-10-10' }, '2025-10-10')).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDay: '2025-10-10' }, '2025-10-11')).toBe(true);
    expect(isOverdue({ status: 'resolved', dueDay: '2025-10-10' }, '2025-10-11')).toBe(true);
    expect(isOverdue({ status: 'closed', dueDay: '2025-10-10' }, '2025-10-11')).toBe(false);
  });
});

describe('who acts on a task', () => {
  const taskUnits = [unit, 'u-fangyan'];
  it('lets a responsible unit raise and note for itself only, and a supervisor raise for any of the task’s units', () => {
    expect(taskRefusal('raise', actor('reporter', unit), taskUnits, unit)).toBeNull();
    expect(taskRefusal('note', actor('unit_leader', unit), taskUnits, unit)).toBeNull();
    expect(taskRefusal('raise', actor('reporter', unit), taskUnits, 'u-fangyan')).toBe('other_unit');
    expect(taskRefusal('note', actor('reporter', 'u-other'), taskUnits, 'u-other')).toBe('not_task_unit');
    expect(taskRefusal('raise', actor('reporter', null), taskUnits, unit)).toBe('no_unit');
    expect(taskRefusal('raise', actor('supervisor'), taskUnits, 'u-fangyan')).toBeNull();
    expect(taskRefusal('raise', actor('supervisor'), taskUnits, 'u-other')).toBe('not_task_unit');
    expect(taskRefusal('note', actor('supervisor'), taskUnits, unit)).toBe('role');
    for (const role of ['leader', 'admin'] as const) {
      expect(taskRefusal('raise', actor(role, unit), taskUnits, unit)).toBe('role');
      expect(taskRefusal('note', actor(role, unit), taskUnits, unit)).toBe('role');
    }
  });
});
