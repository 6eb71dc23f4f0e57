import { problemCategories, problemStatuses, type ProblemStatus } from '../../contract';
import { blockers } from '../../domain/blockers';
import { addDays, daysBetween, dayOf } from '../../domain/days';
import { checkStep, isOverdue } from '../../domain/problem-steps';
import { quality } from '../../domain/quality';
import { taskLight } from '../../domain/task-light';
import type { ProblemRecord } from '../tasks/store';
import { buildDemoCampaign } from './campaign';
import { buildDemoTasks, demoStep, type DemoProblem } from './tasks';
import { buildDemoUsers } from './users';
import { demoUnits } from './units';

const today = '2025-10-20';
const data = buildDemoCampaign(today);
const users = buildDemoUsers();
const { tasks, problems } = buildDemoTasks(data, users);
const userOf = new Map(users.map((u) => [u.id, u]));

/** The problem as its last step left it, folded by hand from the events. */
function final({ problem, steps }: DemoProblem): ProblemRecord {
  let p = problem;
  for (const e of steps)
    p = { ...p, status: e.to, updatedAt: e.at, closedDay: e.to === 'closed' ? dayOf(e.at) : p.closedDay };
  return p;
}
const finals = problems.map(final);
const projectTasks = tasks.filter((t) => problems.some((p) => p.problem.taskId === t.id));
const count = <T>(items: readonly T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

describe('the demo 挂图作战 tasks', () => {
  it('list the article 38 problems under 31 project tasks of 百日攻坚', () => {
    expect(problems).toHaveLength(38);
    expect(projectTasks).toHaveLength(31);
    expect(new Set(projectTasks.map((t) => t.trackId))).toEqual(new Set(['t-gongjian']));
    const perTask = Object.values(count(problems, (p) => p.problem.taskId));
    expect(perTask.every((n) => n >= 1 && n <= 2)).toBe(true);
  });

  it('give each unit as many problems as its 重大项目难题破解 target', () => {
    const targets = Object.fromEntries(
      data.targets.filter((t) => t.metricId === 'm-gj-problems').map((t) => [t.unitId, t.target]),
    );
    expect(count(problems, (p) => p.problem.unitId)).toEqual(targets);
  });

  it('cover every track, each task with a supervisor who is a demo user and a contact leader', () => {
    expect(Object.keys(count(tasks, (t) => t.trackId)).sort()).toEqual(data.tracks.map((t) => t.id).sort());
    for (const t of tasks) {
      expect(userOf.get(t.supervisorId ?? '')?.role).toBe('supervisor');
      expect(t.supervisorName).toBe(userOf.get(t.supervisorId ?? '')?.name);
      expect(t.contactLeader).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect([t.title, t.content, t.targetText].every((s) => s.length > 0)).toBe(true);
      expect(t.demo).toBe(true);
    }
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  });

  it('name known units, the lead unit first, and deadlines within the campaign', () => {
    const unitIds = new Set(data.units.map((u) => u.id));
    for (const t of tasks) {
      expect(t.unitIds[0]).toBe(t.leadUnitId);
      expect(new Set(t.unitIds).size).toBe(t.unitIds.length);
      expect(t.unitIds.every((u) => unitIds.has(u))).toBe(true);
      expect(t.deadline >= data.campaign.startDate && t.deadline <= data.campaign.endDate).toBe(true);
    }
  });

  it('link a metric of the same track that one of the task units has a target for', () => {
    const linked = tasks.filter((t) => t.metricId !== null);
    expect(linked.length).toBeGreaterThan(tasks.length / 2);
    for (const t of linked) {
      expect(data.metrics.find((m) => m.id === t.metricId)?.trackId).toBe(t.trackId);
      expect(data.targets.some((x) => x.metricId === t.metricId && t.unitIds.includes(x.unitId))).toBe(true);
    }
  });

  it('put the 百日服务 tasks the article names on the board', () => {
    const fuwu = tasks.filter((t) => t.trackId === 't-fuwu').map((t) => t.title);
    for (const part of ['政策解读', '一对一', '网上直报'])
      expect(fuwu.some((t) => t.includes(part))).toBe(true);
    const zhaoshang = tasks.filter((t) => t.trackId === 't-zhaoshang').map((t) => t.targetText);
    expect(zhaoshang).toEqual(expect.arrayContaining(['浙商回归到位资金33亿元', '新增签约1个央企合作项目']));
  });

  it('show every light on the board on day one: done, red past the deadline, yellow with an overdue problem, green', () => {
    const lights = tasks.map((t) =>
      taskLight(
        {
          done: t.done,
          deadline: t.deadline,
          metricLight: null,
          problems: finals.filter((p) => p.taskId === t.id),
        },
        today,
      ),
    );
    expect(new Set(lights)).toEqual(new Set(['done', 'red', 'yellow', 'green']));
    // A done task has nothing left open under it.
    for (const t of tasks.filter((x) => x.done))
      expect(finals.filter((p) => p.taskId === t.id).every((p) => p.status === 'closed')).toBe(true);
    // Its supervisor is reminded of a task due within 3 days with problems still open.
    const dueSoon = tasks.filter(
      (t) =>
        !t.done &&
        daysBetween(today, t.deadline) >= 0 &&
        daysBetween(today, t.deadline) <= 3 &&
        finals.some((p) => p.taskId === t.id && p.status !== 'closed'),
    );
    expect(dueSoon.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the demo problems', () => {
  it('sit under a task of theirs, in its track, with one of its units responsible', () => {
    for (const { problem } of problems) {
      const task = tasks.find((t) => t.id === problem.taskId);
      expect(task?.unitIds).toContain(problem.unitId);
      expect(problem.trackId).toBe(task?.trackId);
      expect(problem.demo).toBe(true);
    }
  });

  it('have every status and every category, some overdue, some closed on time and some late', () => {
    expect(Object.keys(count(finals, (p) => p.status)).sort()).toEqual([...problemStatuses].sort());
    expect(Object.keys(count(finals, (p) => p.category)).sort()).toEqual([...problemCategories].sort());
    expect(finals.filter((p) => isOverdue(p, today)).length).toBeGreaterThanOrEqual(5);
    const closed = finals.filter((p) => p.status === 'closed');
    expect(closed.filter((p) => (p.closedDay ?? '') <= p.dueDay).length).toBeGreaterThanOrEqual(5);
    expect(closed.filter((p) => (p.closedDay ?? '') > p.dueDay).length).toBeGreaterThanOrEqual(2);
    // Some come due after today, so the board still has work ahead.
    expect(finals.filter((p) => p.status !== 'closed' && p.dueDay >= today).length).toBeGreaterThanOrEqual(5);
  });

  it('each have a history that is a legal path through the lifecycle, by the right people, before today', () => {
    for (const demo of problems) {
      const { problem, raised, steps } = demo;
      const raiser = userOf.get(raised.byId);
      expect([raised.from, raised.to, raised.byName]).toEqual([null, 'open', raiser?.name]);
      const ownUnit = raiser?.unitId === problem.unitId && ['reporter', 'unit_leader'].includes(raiser.role);
      expect(ownUnit || raiser?.role === 'supervisor').toBe(true);
      expect([problem.raisedById, problem.createdAt, problem.raisedDay]).toEqual([
        raised.byId,
        raised.at,
        dayOf(raised.at),
      ]);
      let status: ProblemStatus = 'open';
      let at = raised.at;
      for (const e of steps) {
        const by = userOf.get(e.byId);
        if (!by) throw new Error(`no user ${e.byId}`);
        expect(e.from).toBe(status);
        expect(checkStep(status, e.to, by, problem.unitId, e.note)).toMatchObject({ ok: true });
        expect(e.byName).toBe(by.name);
        expect(e.note.trim().length).toBeGreaterThan(0);
        expect(e.at).toBeGreaterThan(at);
        status = e.to;
        at = e.at;
      }
      expect(dayOf(raised.at) >= data.campaign.startDate).toBe(true);
      expect(dayOf(at) < today).toBe(true);
      expect(final(demo).status).toBe(status);
    }
  });

  it('carry the requestIds a replay needs, one per step', () => {
    const ids = problems.flatMap((p) => [p.raised, ...p.steps].map((e) => `${e.byId}/${e.requestId}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('say when a closing came late, in plain Chinese', () => {
    const late = problems.filter((p) => {
      const f = final(p);
      return f.closedDay !== null && f.closedDay > f.dueDay;
    });
    for (const p of late) expect(p.steps.at(-1)?.note).toMatch(/比限期晚\d+天销号/);
  });

  it('fill 拆槛除障 on day one: open, overdue and closed by cause, the oldest open first', () => {
    const b = blockers(
      finals,
      data.tracks.map((t) => t.id),
      today,
    );
    const withAny = b.byCategory.filter((c) => c.open + c.closed > 0);
    expect(withAny).toHaveLength(problemCategories.length);
    const sum = (k: 'open' | 'overdue' | 'closed') => b.byCategory.reduce((s, c) => s + c[k], 0);
    expect([sum('open') > 0, sum('overdue') > 0, sum('closed') > 0]).toEqual([true, true, true]);
    expect(sum('open') + sum('closed')).toBe(38);
    expect(b.byTrack.find((t) => t.trackId === 't-gongjian')).toMatchObject({ open: sum('open') });
    expect(b.oldestOpen[0]).toMatchObject({ title: '沿线征地拆迁进度滞后', raisedDay: addDays(today, -36) });
  });

  it('give units differing quality, worked by hand', () => {
    const of = (unitId: string) =>
      quality(
        finals.filter((p) => p.unitId === unitId),
        today,
      );
    const q = (unit: keyof typeof demoUnits) => of(demoUnits[unit].id);
    // 东城街道: 3户政策处理 closed 2 days before its due date; 消防审查 resolved but not closed off, past due.
    expect(q('dongcheng')).toEqual({ score: 50, counted: 2, onTime: 1 });
    // 自然资源和规划局: 林地审批 closed 2 days early; 挂牌出让 closed 2 days late; two not due yet.
    expect(q('ziranziyuan')).toEqual({ score: 50, counted: 2, onTime: 1 });
    // 方岩小镇: 景区规划 reopened once and closed 8 days late; the funding gap is not due yet.
    expect(q('fangyan')).toEqual({ score: 0, counted: 1, onTime: 0 });
    // 龙山镇: its one problem is due in a week.
    expect(q('longshan')).toEqual({ score: 100, counted: 0, onTime: 0 });
    const scores = new Set(data.units.map((u) => of(u.id).score));
    expect(scores.size).toBeGreaterThanOrEqual(3);
  });

  it('are the same on every build, and move with the campaign days', () => {
    expect(buildDemoTasks(buildDemoCampaign(today), buildDemoUsers())).toEqual({ tasks, problems });
    const later = buildDemoTasks(buildDemoCampaign(addDays(today, 10)), buildDemoUsers());
    expect(later.tasks.map((t) => t.id)).toEqual(tasks.map((t) => t.id));
    expect(later.problems[0]?.problem.dueDay).toBe(addDays(problems[0]?.problem.dueDay ?? '', 10));
  });
});

describe('demoStep', () => {
  const demo = problems.find((p) => p.steps.some((e) => e.to === 'closed'));
  if (!demo) throw new Error('no closed demo problem');
  const close = demo.steps.find((e) => e.to === 'closed')!;
  const resolved: ProblemRecord = { ...demo.problem, status: 'resolved' };

  it('closes a resolved problem off on the step day, as the supervisor', () => {
    const result = demoStep(close, userOf.get(close.byId)!)(resolved);
    expect(result).toMatchObject({ ok: true, problem: { status: 'closed', closedDay: dayOf(close.at) } });
  });

  it('refuses a step from another status than planned, and a step by the wrong side', () => {
    expect(demoStep(close, userOf.get(close.byId)!)({ ...resolved, status: 'in_progress' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    const reporter = users.find((u) => u.role === 'reporter' && u.unitId === demo.problem.unitId)!;
    expect(demoStep(close, reporter)(resolved)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
