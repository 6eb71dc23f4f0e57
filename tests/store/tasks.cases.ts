/**
 * Store contract cases for the tasks slice (issue 12): tasks saved, replaced and listed per campaign;
 * progress notes once per (author, requestId); problems raised once per (raiser, requestId) with their
 * first event; lifecycle steps decided on the problem as it is inside the write, refused without a trace,
 * replayed without deciding again, and each kept in the history; the data version grows with every
 * problem write (quality is computed from problems).
 */
import type {
  ProblemEventRecord,
  ProblemRecord,
  TaskNoteRecord,
  TaskRecord,
  DecideStep,
} from '../../core/app/tasks/store';
import type { ProblemStatus } from '../../core/contract';
import type { SuiteContext } from './suite';
import { C1, C2, CITY, U, campaignData } from './fixtures';

const T0 = 1_741_000_000_000;

export function task(id: string, over: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    cityId: CITY,
    campaignId: C1,
    title: `任务 ${id}`,
    content: '推进项目开工',
    targetText: '6 月底前开工',
    trackId: 't-build',
    leadUnitId: U.a1,
    unitIds: [U.a1, U.a2],
    contactLeader: '张副市长',
    supervisorName: '陈督导',
    supervisorId: 'user-sup',
    deadline: '2025-06-01',
    metricId: null,
    done: false,
    demo: false,
    updatedAt: T0,
    ...over,
  };
}

export function problem(id: string, over: Partial<ProblemRecord> = {}): ProblemRecord {
  return {
    id,
    cityId: CITY,
    campaignId: C1,
    taskId: 'task-1',
    trackId: 't-build',
    unitId: U.a1,
    title: `难题 ${id}`,
    detail: '用地指标未落实',
    category: 'land',
    dueDay: '2025-04-10',
    status: 'open',
    raisedDay: '2025-03-20',
    raisedById: 'user-a1',
    closedDay: null,
    createdAt: T0,
    updatedAt: T0,
    demo: false,
    ...over,
  };
}

/** The first event of a problem: raised by its raiser, from nothing to `open`. */
export const raised = (p: ProblemRecord, requestId = `raise-${p.id}`): ProblemEventRecord => ({
  problemId: p.id,
  at: p.createdAt,
  byId: p.raisedById,
  byName: '王芳',
  from: null,
  to: 'open',
  note: p.detail,
  requestId,
});

/** A decide that moves the problem to `to` when it is in `from`, else refuses as CONFLICT. */
const move =
  (
    from: ProblemStatus,
    to: ProblemStatus,
    byId: string,
    requestId: string,
    at: number,
    note = '说明',
  ): DecideStep =>
  (current) =>
    current.status !== from
      ? { ok: false, code: 'CONFLICT', message: `难题现在是 ${current.status}` }
      : {
          ok: true,
          problem: {
            ...current,
            status: to,
            updatedAt: at,
            closedDay: to === 'closed' ? '2025-04-08' : current.closedDay,
          },
          event: { problemId: current.id, at, byId, byName: byId, from, to, note, requestId },
        };

export const taskCaseIds = [
  'tasks.save',
  'tasks.perCampaign',
  'tasks.notes',
  'problems.raise',
  'problems.raiseReplay',
  'problems.step',
  'problems.refused',
  'problems.stepReplay',
  'problems.concurrent',
  'problems.version',
] as const;

export function taskCases({ it, store }: SuiteContext): void {
  const setUp = async () => {
    await store().campaigns.saveCampaign(campaignData(C1));
    await store().campaigns.saveCampaign(campaignData(C2));
    await store().tasks.saveTask(task('task-1'));
  };

  it('tasks.save', 'a task is saved, read back whole, replaced by id, and listed by deadline', async () => {
    await setUp();
    await store().tasks.saveTask(
      task('task-2', { deadline: '2025-04-01', metricId: 'm-invest', unitIds: [U.b1] }),
    );
    expect(await store().tasks.getTask(C1, 'task-1')).toEqual(task('task-1'));
    const edited = task('task-1', { title: '改过的任务', done: true, supervisorId: null, updatedAt: T0 + 1 });
    await store().tasks.saveTask(edited);
    expect(await store().tasks.getTask(C1, 'task-1')).toEqual(edited);
    expect((await store().tasks.listTasks(C1)).map((t) => t.id)).toEqual(['task-2', 'task-1']);
    expect(await store().tasks.getTask(C1, 'nope')).toBeNull();
  });

  it('tasks.perCampaign', "a campaign's tasks and problems are its own", async () => {
    await setUp();
    await store().tasks.saveTask(task('task-1', { campaignId: C2, title: '秋季任务' }));
    expect((await store().tasks.getTask(C1, 'task-1'))?.title).toBe('任务 task-1');
    expect((await store().tasks.getTask(C2, 'task-1'))?.title).toBe('秋季任务');
    const p = problem('p-1');
    await store().tasks.createProblem(p, raised(p));
    expect(await store().tasks.getProblem(C2, 'p-1')).toBeNull();
    expect(await store().tasks.listProblems(C2)).toEqual([]);
    expect(await store().tasks.problemHistory(C2, 'p-1')).toEqual([]);
  });

  it('tasks.notes', 'a progress note is kept once per (author, requestId), newest first', async () => {
    await setUp();
    const note = (n: number, over: Partial<TaskNoteRecord> = {}): TaskNoteRecord => ({
      id: `note-${n}`,
      cityId: CITY,
      campaignId: C1,
      taskId: 'task-1',
      unitId: U.a1,
      authorId: 'user-a1',
      authorName: '王芳',
      text: `进展 ${n}`,
      postId: n === 2 ? 'post-9' : null,
      createdAt: T0 + n,
      requestId: `req-note-${n}`,
      ...over,
    });
    expect(await store().tasks.addTaskNote(note(1))).toEqual({ note: note(1), replayed: false });
    expect(await store().tasks.addTaskNote(note(2))).toEqual({ note: note(2), replayed: false });
    // The same request again (a retry with a new id made on the way) answers the first.
    expect(await store().tasks.addTaskNote(note(1, { id: 'note-1-again', text: '重发' }))).toEqual({
      note: note(1),
      replayed: true,
    });
    // Another author may use the same requestId.
    await store().tasks.addTaskNote(note(3, { authorId: 'user-real', requestId: 'req-note-1' }));
    expect((await store().tasks.listTaskNotes(C1, 'task-1')).map((n) => n.id)).toEqual([
      'note-3',
      'note-2',
      'note-1',
    ]);
    expect(await store().tasks.listTaskNotes(C1, 'task-2')).toEqual([]);
  });

  it(
    'problems.raise',
    'a problem is raised with its first event, and listed by the day it was raised',
    async () => {
      await setUp();
      const late = problem('p-2', { raisedDay: '2025-03-25', createdAt: T0 + 5, category: 'funding' });
      const early = problem('p-1');
      expect(await store().tasks.createProblem(late, raised(late))).toEqual({
        problem: late,
        replayed: false,
      });
      await store().tasks.createProblem(early, raised(early));
      expect(await store().tasks.getProblem(C1, 'p-2')).toEqual(late);
      expect((await store().tasks.listProblems(C1)).map((p) => p.id)).toEqual(['p-1', 'p-2']);
      expect(await store().tasks.problemHistory(C1, 'p-2')).toEqual([raised(late)]);
    },
  );

  it(
    'problems.raiseReplay',
    'raising again with the same requestId answers the first problem and adds none',
    async () => {
      await setUp();
      const p = problem('p-1');
      await store().tasks.createProblem(p, raised(p, 'req-raise'));
      const again = problem('p-1-retry', { title: '重发的难题' });
      expect(await store().tasks.createProblem(again, raised(again, 'req-raise'))).toEqual({
        problem: p,
        replayed: true,
      });
      expect((await store().tasks.listProblems(C1)).map((x) => x.id)).toEqual(['p-1']);
      // Another raiser's same requestId is another problem.
      const theirs = problem('p-3', { raisedById: 'user-sup' });
      expect((await store().tasks.createProblem(theirs, raised(theirs, 'req-raise'))).replayed).toBe(false);
    },
  );

  it(
    'problems.step',
    'each step is decided on the problem as stored, written with its event, and read back in order',
    async () => {
      await setUp();
      const p = problem('p-1');
      await store().tasks.createProblem(p, raised(p));
      const s1 = await store().tasks.stepProblem(
        C1,
        'p-1',
        { byId: 'user-a1', requestId: 'r1' },
        move('open', 'in_progress', 'user-a1', 'r1', T0 + 10),
      );
      expect(s1).toMatchObject({
        ok: true,
        replayed: false,
        problem: { status: 'in_progress', updatedAt: T0 + 10 },
      });
      await store().tasks.stepProblem(
        C1,
        'p-1',
        { byId: 'user-a1', requestId: 'r2' },
        move('in_progress', 'resolved', 'user-a1', 'r2', T0 + 20, '已落实'),
      );
      const s3 = await store().tasks.stepProblem(
        C1,
        'p-1',
        { byId: 'user-sup', requestId: 'r3' },
        move('resolved', 'closed', 'user-sup', 'r3', T0 + 30, '同意销号'),
      );
      expect(s3).toMatchObject({ ok: true, problem: { status: 'closed', closedDay: '2025-04-08' } });
      expect(await store().tasks.getProblem(C1, 'p-1')).toMatchObject({
        status: 'closed',
        closedDay: '2025-04-08',
      });
      const history = await store().tasks.problemHistory(C1, 'p-1');
      expect(history.map((e) => [e.from, e.to, e.byId, e.note])).toEqual([
        [null, 'open', 'user-a1', '用地指标未落实'],
        ['open', 'in_progress', 'user-a1', '说明'],
        ['in_progress', 'resolved', 'user-a1', '已落实'],
        ['resolved', 'closed', 'user-sup', '同意销号'],
      ]);
    },
  );

  it('problems.refused', 'a refused step or a missing problem writes nothing', async () => {
    await setUp();
    const p = problem('p-1');
    await store().tasks.createProblem(p, raised(p));
    const version = await store().standings.dataVersion(C1);
    const refused = await store().tasks.stepProblem(
      C1,
      'p-1',
      { byId: 'user-sup', requestId: 'r1' },
      move('resolved', 'closed', 'user-sup', 'r1', T0 + 10),
    );
    expect(refused).toEqual({ ok: false, code: 'CONFLICT', message: '难题现在是 open' });
    expect(await store().tasks.getProblem(C1, 'p-1')).toEqual(p);
    expect(await store().tasks.problemHistory(C1, 'p-1')).toHaveLength(1);
    expect(await store().standings.dataVersion(C1)).toBe(version);
    const missing = await store().tasks.stepProblem(
      C1,
      'p-404',
      { byId: 'user-a1', requestId: 'r2' },
      move('open', 'in_progress', 'user-a1', 'r2', T0),
    );
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The refused request id is free: the same id, now valid, goes through.
    const later = await store().tasks.stepProblem(
      C1,
      'p-1',
      { byId: 'user-sup', requestId: 'r1' },
      move('open', 'in_progress', 'user-sup', 'r1', T0 + 20),
    );
    expect(later).toMatchObject({ ok: true, replayed: false });
  });

  it(
    'problems.stepReplay',
    'the same step sent again answers the problem as it is, without deciding or writing',
    async () => {
      await setUp();
      const p = problem('p-1');
      await store().tasks.createProblem(p, raised(p));
      const step = move('open', 'in_progress', 'user-a1', 'r1', T0 + 10);
      await store().tasks.stepProblem(C1, 'p-1', { byId: 'user-a1', requestId: 'r1' }, step);
      let decided = 0;
      const again = await store().tasks.stepProblem(C1, 'p-1', { byId: 'user-a1', requestId: 'r1' }, (c) => {
        decided += 1;
        return step(c);
      });
      expect(decided).toBe(0);
      expect(again).toMatchObject({ ok: true, replayed: true, problem: { status: 'in_progress' } });
      expect(await store().tasks.problemHistory(C1, 'p-1')).toHaveLength(2);
    },
  );

  it(
    'problems.concurrent',
    'two steps at once on one problem: one goes through, the other decides on its result',
    async () => {
      await setUp();
      const p = problem('p-1', { status: 'resolved' });
      await store().tasks.createProblem(p, raised(p));
      const [a, b] = await Promise.all([
        store().tasks.stepProblem(
          C1,
          'p-1',
          { byId: 'user-sup', requestId: 'ra' },
          move('resolved', 'closed', 'user-sup', 'ra', T0 + 10),
        ),
        store().tasks.stepProblem(
          C1,
          'p-1',
          { byId: 'user-sup2', requestId: 'rb' },
          move('resolved', 'reopened', 'user-sup2', 'rb', T0 + 11),
        ),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const history = await store().tasks.problemHistory(C1, 'p-1');
      expect(history).toHaveLength(2);
      expect((await store().tasks.getProblem(C1, 'p-1'))?.status).toBe(history[1]?.to);
    },
  );

  it(
    'problems.version',
    'raising a problem and each step grow the data version; a note does not need to',
    async () => {
      await setUp();
      const v0 = await store().standings.dataVersion(C1);
      const other = await store().standings.dataVersion(C2);
      const p = problem('p-1');
      await store().tasks.createProblem(p, raised(p));
      const v1 = await store().standings.dataVersion(C1);
      expect(v1).toBeGreaterThan(v0);
      await store().tasks.stepProblem(
        C1,
        'p-1',
        { byId: 'user-a1', requestId: 'r1' },
        move('open', 'in_progress', 'user-a1', 'r1', T0 + 10),
      );
      expect(await store().standings.dataVersion(C1)).toBeGreaterThan(v1);
      expect(await store().standings.dataVersion(C2)).toBe(other);
    },
  );
}
