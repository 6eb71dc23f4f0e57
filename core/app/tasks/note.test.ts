/**
 * task.note: who may write a task's progress, figures that become a normal post in the feed by
 * post.create's own rules, and a note sent twice kept once with one post.
 */
import { rid } from '../../../tests/app/arena';
import { codeOf, messageOf, taskArena, type Who } from '../../../tests/app/tasks';

const feed = async (t: Awaited<ReturnType<typeof taskArena>>) =>
  (await t.expectOk('post.list', {}, t.tok.leader)).items;

describe('task.note: the task’s responsible units, each for itself', () => {
  it.each([
    ['a reporter of the lead unit', 'repA', undefined, 'OK'],
    ['the unit leader', 'leadA', 'A', 'OK'],
    ['a reporter of another responsible unit', 'repB', undefined, 'OK'],
    ['a reporter, for another unit', 'repB', 'A', 'FORBIDDEN'],
    ['a reporter of a unit the task does not name', 'repC', undefined, 'FORBIDDEN'],
    ['a reporter bound to no unit', 'loose', undefined, 'FORBIDDEN'],
    ['a supervisor', 'supervisor', undefined, 'FORBIDDEN'],
    ['a city leader', 'leader', undefined, 'FORBIDDEN'],
    ['an admin', 'admin', undefined, 'FORBIDDEN'],
  ] as Array<[string, Who, string | undefined, string]>)('%s → %s', async (_who, as, unitId, expected) => {
    const t = await taskArena();
    const task = await t.saveTask();
    const r = await t.call(
      'task.note',
      { taskId: task.id, text: '项目已完成征地', requestId: rid(), ...(unitId ? { unitId } : {}) },
      t.tok[as],
    );
    expect(codeOf(r)).toBe(expected);
    expect(await t.store.tasks.listTaskNotes('c1', task.id)).toHaveLength(expected === 'OK' ? 1 : 0);
  });

  it('says why in Chinese', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const as = async (who: Who, unitId?: string) =>
      messageOf(
        await t.call(
          'task.note',
          { taskId: task.id, text: '进展', requestId: rid(), ...(unitId ? { unitId } : {}) },
          t.tok[who],
        ),
      );
    expect(await as('repB', 'A')).toBe('只能为本单位写进展：你属于「乙镇」，不能为「甲镇」写。');
    expect(await as('repC')).toBe('「丙平台」不是任务「重大项目开工」的责任单位，不能写它的进展。');
    expect(await as('supervisor')).toBe('督办员不能写任务进展：只有任务责任单位的填报员或单位负责人可以。');
  });

  it('keeps a text-only note out of the feed, and answers it as the API shows notes', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const { note } = await t.expectOk(
      'task.note',
      { taskId: task.id, text: '项目已完成征地', requestId: rid() },
      t.tok.repA,
    );
    expect(note).toEqual({
      id: expect.any(String),
      taskId: task.id,
      unitId: 'A',
      authorId: 'rep-a',
      authorName: '王芳',
      text: '项目已完成征地',
      postId: null,
      at: '2025-10-10T02:00:00.000Z',
    });
    expect(await feed(t)).toEqual([]);
  });
});

describe('task.note with figures: a normal post in the feed', () => {
  it('posts the figures for the unit through post.create, linked from the note, and the standings see them', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const { note } = await t.expectOk(
      'task.note',
      {
        taskId: task.id,
        text: '本周新增投资',
        figures: [{ metricId: 'm-invest', value: 4 }],
        requestId: rid(),
      },
      t.tok.repA,
    );
    const [post, ...more] = await feed(t);
    expect(more).toEqual([]);
    expect(note.postId).toBe(post?.id);
    expect(post).toMatchObject({
      unitId: 'A',
      authorId: 'rep-a',
      text: '【重大项目开工】本周新增投资',
      figures: [{ metricId: 'm-invest', value: 4, previous: null }],
    });
    const detail = await t.expectOk('unit.detail', { unitId: 'A' }, t.tok.leader);
    expect(detail.metrics.find((m) => m.metricId === 'm-invest')?.value).toBe(4);
  });

  it('refuses figures post.create would refuse, with its words, and writes neither note nor post', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    // B has no target for 不良贷款率.
    const r = await t.call(
      'task.note',
      { taskId: task.id, text: '进展', figures: [{ metricId: 'm-npl', value: 3 }], requestId: rid() },
      t.tok.repB,
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'figures.0.metricId：本单位没有「不良贷款率」的目标，不能填报该指标。',
      },
    });
    expect(await t.store.tasks.listTaskNotes('c1', task.id)).toEqual([]);
    expect(await feed(t)).toEqual([]);
  });

  it('refuses text the content check finds risky, with or without figures', async () => {
    const t = await taskArena({
      ports: { guard: { check: async (text) => ({ verdict: text.includes('违禁') ? 'risky' : 'pass' }) } },
    });
    const task = await t.saveTask();
    for (const figures of [undefined, [{ metricId: 'm-invest', value: 4 }]]) {
      const r = await t.call(
        'task.note',
        { taskId: task.id, text: '违禁内容', requestId: rid(), ...(figures ? { figures } : {}) },
        t.tok.repA,
      );
      expect(codeOf(r)).toBe('INVALID_ARGUMENT');
    }
    expect(await t.store.tasks.listTaskNotes('c1', task.id)).toEqual([]);
    expect(await feed(t)).toEqual([]);
  });
});

describe('task.note sent twice', () => {
  it('keeps one note and one post, and answers the first note', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const input = {
      taskId: task.id,
      text: '本周新增投资',
      figures: [{ metricId: 'm-invest', value: 4 }],
      requestId: rid(),
    };
    const first = await t.expectOk('task.note', input, t.tok.repA);
    t.advance(5_000);
    const again = await t.expectOk('task.note', input, t.tok.repA);
    expect(again).toEqual(first);
    expect(await t.store.tasks.listTaskNotes('c1', task.id)).toHaveLength(1);
    expect(await feed(t)).toHaveLength(1);
  });

  it('makes one post even when the first note was lost after its post was written', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const input = {
      taskId: task.id,
      text: '进展',
      figures: [{ metricId: 'm-invest', value: 4 }],
      requestId: rid(),
    };
    // The post went in, then the note's own write failed once.
    const addTaskNote = t.store.tasks.addTaskNote.bind(t.store.tasks);
    t.store.tasks.addTaskNote = async () => Promise.reject(new Error('disk full'));
    expect(codeOf(await t.call('task.note', input, t.tok.repA))).toBe('INTERNAL');
    t.store.tasks.addTaskNote = addTaskNote;
    const { note } = await t.expectOk('task.note', input, t.tok.repA);
    const posts = await feed(t);
    expect(posts).toHaveLength(1);
    expect(note.postId).toBe(posts[0]?.id);
  });

  it('lets two users use one requestId, each for a note of their own', async () => {
    const t = await taskArena();
    const task = await t.saveTask();
    const requestId = rid();
    await t.expectOk('task.note', { taskId: task.id, text: '甲', requestId }, t.tok.repA);
    await t.expectOk('task.note', { taskId: task.id, text: '乙', requestId }, t.tok.repB);
    expect((await t.store.tasks.listTaskNotes('c1', task.id)).map((n) => n.text)).toEqual(['乙', '甲']);
  });
});
