import { makeTask, users } from '../../../testing/tasks-fixtures';
import { contractErrors, serverErrors } from './forms';
import { canNote, canRaise, raiseUnits } from './people';
import { requestIds } from './requestId';

describe('one requestId per form', () => {
  it('the same payload sent again keeps its id; a changed payload takes a new one, kept for its own retries', () => {
    let n = 0;
    const ids = requestIds(() => `request-${++n}`);
    const first = ids.stamp({ note: 'a' });
    expect(ids.stamp({ note: 'a' })).toBe(first);
    const second = ids.stamp({ note: 'b' });
    expect(second).not.toBe(first);
    expect(ids.stamp({ note: 'b' })).toBe(second);
  });
});

describe('errors said at their fields', () => {
  it('splits a server refusal by field, and keeps the rest for the top of the form', () => {
    const c = serverErrors('title：难题不能超过 100 字；campaignId：请提供竞赛 ID', [
      'title',
      'detail',
    ] as const);
    expect(c.errors).toEqual({ title: '难题不能超过 100 字' });
    expect(c.other).toBe('campaignId：请提供竞赛 ID');
    expect(serverErrors('只有督办员可以「销号」。', ['note'] as const)).toEqual({
      errors: {},
      other: '只有督办员可以「销号」。',
    });
  });

  it('checks a form with the contract’s own schema, in its Chinese words', () => {
    const c = contractErrors(
      'problem.create',
      {
        taskId: 't',
        title: ' ',
        category: 'land',
        unitId: 'u1',
        dueDate: '2025-3-1',
        requestId: 'check-only',
      },
      ['title', 'dueDate'] as const,
    );
    expect(c.errors).toEqual({ title: '请填写难题', dueDate: '日期格式应为 YYYY-MM-DD' });
  });
});

describe('who may raise a problem or write progress on a task', () => {
  const task = makeTask({ unitIds: ['u1', 'u3'], leadUnitId: 'u3' });

  it('the task’s units raise for themselves and write progress; a supervisor raises for any of its units', () => {
    expect([canRaise(users.reporter, task), canNote(users.reporter, task)]).toEqual([true, true]);
    expect(raiseUnits(users.reporter, task)).toEqual(['u1']);
    expect([canRaise(users.supervisor, task), canNote(users.supervisor, task)]).toEqual([true, false]);
    expect(raiseUnits(users.supervisor, task)).toEqual(['u3', 'u1']);
  });

  it('another unit’s reporter and a city leader do neither', () => {
    for (const u of [users.otherReporter, users.cityLeader]) {
      expect([canRaise(u, task), canNote(u, task)]).toEqual([false, false]);
    }
  });
});
