/**
 * The tasks slice on the cloud, beyond the shared Store suite, through the real wx-server-sdk over the
 * emulated server: what a step costs in requests; steps and raises at once on one campaign all land, in
 * order, none lost; when retries run out the supervisor is told to try again and nothing is written; lists
 * longer than a query's 100 documents come back whole; every document carries the schema version, and one
 * this program cannot know is refused.
 */
import type { DecideStep } from '../../core/app/tasks/store';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, campaignData } from '../../tests/store/fixtures';
import { problem, raised, task } from '../../tests/store/tasks.cases';
import { collections, docId } from './collections';
import { SCHEMA_TOO_NEW, SCHEMA_UNKNOWN, SCHEMA_VERSION } from './schema';
import { createCloudStore, type CloudStoreOptions } from './store';

const T0 = 1_741_000_000_000;

let env: Emulated;
afterEach(() => env.done());

async function setUp(options: Omit<CloudStoreOptions, 'db'> = {}) {
  env = emulate({ collections: Object.values(collections), jitter: 3, seed: 7 });
  const store = createCloudStore({ db: env.db, ...options });
  await store.campaigns.saveCampaign(campaignData());
  await store.tasks.saveTask(task('task-1'));
  return store;
}

/** A progress step that keeps the status: always allowed, so every one of a burst must land. */
const note =
  (byId: string, requestId: string, at: number): DecideStep =>
  (current) => ({
    ok: true,
    problem: { ...current, updatedAt: Math.max(current.updatedAt, at) },
    event: {
      problemId: current.id,
      at,
      byId,
      byName: byId,
      from: current.status,
      to: current.status,
      note: requestId,
      requestId,
    },
  });

const requestsDuring = async (fn: () => Promise<unknown>): Promise<Record<string, number>> => {
  const before = { ...env.server.stats.requests };
  await fn();
  return Object.fromEntries(
    Object.entries(env.server.stats.requests)
      .map(([k, n]) => [k, n - (before[k] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );
};

describe('cloudbase problems: requests', () => {
  it('a step is one read and three writes in a transaction; its replay and a refusal write nothing', async () => {
    const store = await setUp();
    const p = problem('p-1');
    const raising = await requestsDuring(() => store.tasks.createProblem(p, raised(p)));
    // start, the request key inserted, problem, event and version written, commit.
    expect(raising).toEqual({
      'database.startTransaction': 1,
      'database.insertDocument': 1,
      'database.modifyDocument': 3,
      'database.commitTransaction': 1,
    });
    const by = { byId: 'user-a1', requestId: 'r1' };
    env.emulator.resetRoundTrips();
    const stepping = await requestsDuring(() =>
      store.tasks.stepProblem(C1, 'p-1', by, note('user-a1', 'r1', T0 + 1)),
    );
    // start, the problem read (its event keys tell a replay), problem, event and version written, commit.
    expect(stepping).toEqual({
      'database.startTransaction': 1,
      'database.getDocument': 1,
      'database.modifyDocument': 3,
      'database.commitTransaction': 1,
    });
    expect(env.emulator.roundTrips()).toBe(6);
    const replaying = await requestsDuring(() =>
      store.tasks.stepProblem(C1, 'p-1', by, note('user-a1', 'r1', T0 + 1)),
    );
    expect(replaying).toEqual({
      'database.startTransaction': 1,
      'database.getDocument': 1,
      'database.commitTransaction': 1,
    });
    const refusing = await requestsDuring(() =>
      store.tasks.stepProblem(C1, 'p-1', { byId: 'user-sup', requestId: 'r2' }, () => ({
        ok: false,
        code: 'FORBIDDEN',
        message: '只有督导可以销号',
      })),
    );
    expect(refusing['database.modifyDocument']).toBeUndefined();
    expect(env.server.openTransactions()).toBe(0);
  });
});

describe('cloudbase problems under concurrency', () => {
  it('twelve steps at once on one problem all land, each after the one before, with the data version', async () => {
    const store = await setUp();
    const p = problem('p-1', { status: 'in_progress' });
    await store.tasks.createProblem(p, raised(p));
    const v0 = await store.standings.dataVersion(C1);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.tasks.stepProblem(
          C1,
          'p-1',
          { byId: `user-${i}`, requestId: `r${i}` },
          note(`user-${i}`, `r${i}`, T0 + 1 + i),
        ),
      ),
    );
    expect(results.every((r) => r.ok && !r.replayed)).toBe(true);
    const { conflictsAtWrite, conflictsAtCommit } = env.server.stats.transactions;
    expect(conflictsAtWrite + conflictsAtCommit).toBeGreaterThan(0);
    const history = await store.tasks.problemHistory(C1, 'p-1');
    expect(history).toHaveLength(13);
    expect(
      history
        .slice(1)
        .map((e) => e.requestId)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `r${i}`).sort());
    // Each step took the next place: no two decided on the same problem.
    const seqs = env.server.dump(collections.problemEvents).map((d) => Number(d.seq));
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect((await store.tasks.getProblem(C1, 'p-1'))?.updatedAt).toBe(T0 + 12);
    expect(await store.standings.dataVersion(C1)).toBe(v0 + 12);
  });

  it('raises and steps at once on one campaign each grow the data version once', async () => {
    const store = await setUp();
    const p = problem('p-0');
    await store.tasks.createProblem(p, raised(p));
    const v0 = await store.standings.dataVersion(C1);
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => {
        const q = problem(`p-${i + 1}`, { createdAt: T0 + i });
        return store.tasks.createProblem(q, raised(q));
      }),
      ...Array.from({ length: 5 }, (_, i) =>
        store.tasks.stepProblem(
          C1,
          'p-0',
          { byId: 'user-a1', requestId: `s${i}` },
          note('user-a1', `s${i}`, T0 + i),
        ),
      ),
    ]);
    expect(await store.standings.dataVersion(C1)).toBe(v0 + 10);
    expect(await store.tasks.listProblems(C1)).toHaveLength(6);
  });

  it('the same raise sent twice at once is one problem', async () => {
    const store = await setUp();
    const first = problem('p-1');
    const retry = problem('p-1-retry');
    const [a, b] = await Promise.all([
      store.tasks.createProblem(first, raised(first, 'same')),
      store.tasks.createProblem(retry, raised(retry, 'same')),
    ]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.problem).toEqual(b.problem);
    expect(await store.tasks.listProblems(C1)).toHaveLength(1);
    expect(env.server.dump(collections.problemEvents)).toHaveLength(1);
  });

  it('when every run conflicts, the step is refused as CONFLICT with a message and nothing is written', async () => {
    const store = await setUp({ retry: { attempts: 2, backoffMs: 1 } });
    const p = problem('p-1');
    await store.tasks.createProblem(p, raised(p));
    env.server.inject({ at: 'write', collection: collections.problems, times: 2 });
    const busy = await store.tasks.stepProblem(
      C1,
      'p-1',
      { byId: 'user-a1', requestId: 'r1' },
      note('user-a1', 'r1', T0 + 1),
    );
    expect(busy).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/稍后重试/) });
    expect(await store.tasks.problemHistory(C1, 'p-1')).toHaveLength(1);
    // Sent again, the same request goes through: nothing of the failed one was kept.
    const again = await store.tasks.stepProblem(
      C1,
      'p-1',
      { byId: 'user-a1', requestId: 'r1' },
      note('user-a1', 'r1', T0 + 1),
    );
    expect(again).toMatchObject({ ok: true, replayed: false });
  });

  it('a raise whose transaction fails keeps no request key: sent again, it is raised', async () => {
    const store = await setUp({ retry: { attempts: 2, backoffMs: 1 } });
    const p = problem('p-1');
    env.server.inject({ at: 'write', collection: collections.dataVersions, times: 2 });
    await expect(store.tasks.createProblem(p, raised(p))).rejects.toMatchObject({
      code: 'TRANSACTION_BUSY',
    });
    expect(env.server.dump(collections.problemKeys)).toEqual([]);
    expect(env.server.dump(collections.problems)).toEqual([]);
    expect(await store.tasks.createProblem(p, raised(p))).toEqual({ problem: p, replayed: false });
  });
});

describe('cloudbase tasks: long lists', () => {
  it('tasks, notes, problems and a history longer than a query’s 100 documents come back whole, in order', async () => {
    const store = await setUp();
    const n = 130;
    const pad = (i: number) => String(i).padStart(3, '0');
    for (let i = 0; i < n; i += 1)
      await store.tasks.saveTask(task(`t-${pad(i)}`, { deadline: i % 2 ? '2025-04-01' : '2025-05-01' }));
    for (let i = 0; i < n; i += 1) {
      await store.tasks.addTaskNote({
        id: `note-${pad(i)}`,
        cityId: 'city-yk',
        campaignId: C1,
        taskId: 'task-1',
        unitId: 'u-fangyan',
        authorId: 'user-a1',
        authorName: '王芳',
        text: `进展 ${i}`,
        postId: null,
        createdAt: T0 + i,
        requestId: `n-${i}`,
      });
      const q = problem(`p-${pad(i)}`, { createdAt: T0 - i });
      await store.tasks.createProblem(q, raised(q));
    }
    for (let i = 0; i < 110; i += 1)
      await store.tasks.stepProblem(
        C1,
        'p-000',
        { byId: 'user-a1', requestId: `s-${i}` },
        note('user-a1', `s-${i}`, T0 + i),
      );

    const tasks = await store.tasks.listTasks(C1);
    expect(tasks).toHaveLength(n + 1);
    expect(tasks.slice(0, 3).map((t) => t.id)).toEqual(['t-001', 't-003', 't-005']);
    const notes = await store.tasks.listTaskNotes(C1, 'task-1');
    expect(notes.map((x) => x.id)).toEqual(Array.from({ length: n }, (_, i) => `note-${pad(n - 1 - i)}`));
    // Raised the same day: the earlier created first.
    const problems = await store.tasks.listProblems(C1);
    expect(problems.map((x) => x.id)).toEqual(Array.from({ length: n }, (_, i) => `p-${pad(n - 1 - i)}`));
    const history = await store.tasks.problemHistory(C1, 'p-000');
    expect(history.map((e) => e.requestId)).toEqual([
      'raise-p-000',
      ...Array.from({ length: 110 }, (_, i) => `s-${i}`),
    ]);
  }, 60_000);
});

describe('cloudbase tasks: schema version', () => {
  it('every document the slice writes carries the current schema version', async () => {
    const store = await setUp();
    const p = problem('p-1');
    await store.tasks.createProblem(p, raised(p));
    await store.tasks.stepProblem(C1, 'p-1', { byId: 'user-a1', requestId: 'r1' }, note('user-a1', 'r1', T0));
    await store.tasks.addTaskNote({
      id: 'note-1',
      cityId: 'city-yk',
      campaignId: C1,
      taskId: 'task-1',
      unitId: 'u-fangyan',
      authorId: 'user-a1',
      authorName: '王芳',
      text: '进展',
      postId: null,
      createdAt: T0,
      requestId: 'n-1',
    });
    for (const name of [
      collections.tasks,
      collections.taskNotes,
      collections.problems,
      collections.problemEvents,
      collections.problemKeys,
    ]) {
      const docs = env.server.dump(name);
      expect({ name, count: docs.length > 0 }).toEqual({ name, count: true });
      for (const doc of docs) expect({ name, _v: doc._v }).toEqual({ name, _v: SCHEMA_VERSION });
    }
  });

  it('a document from a newer program, or one without a version, is refused, not guessed at', async () => {
    const store = await setUp();
    const ref = env.db.collection(collections.tasks).doc(docId(C1, 'task-1'));
    await ref.update({ data: { _v: SCHEMA_VERSION + 1 } });
    await expect(store.tasks.getTask(C1, 'task-1')).rejects.toMatchObject({ code: SCHEMA_TOO_NEW });
    await expect(store.tasks.listTasks(C1)).rejects.toThrow(/数据由更新版本的程序写入/);

    const p = problem('p-1');
    await store.tasks.createProblem(p, raised(p));
    const {
      _id: _ignored,
      _v: _old,
      ...rest
    } = env.server.dump(collections.problems).find((d) => d._id === docId(C1, 'p-1'))!;
    await env.db.collection(collections.problems).doc(docId(C1, 'p-1')).set({ data: rest });
    await expect(store.tasks.getProblem(C1, 'p-1')).rejects.toMatchObject({ code: SCHEMA_UNKNOWN });
    // A step reads it the same way, and writes nothing.
    await expect(
      store.tasks.stepProblem(C1, 'p-1', { byId: 'user-a1', requestId: 'r1' }, note('user-a1', 'r1', T0)),
    ).rejects.toThrow(/数据版本无法识别/);
    expect(env.server.dump(collections.problemEvents)).toHaveLength(1);
  });
});
