/**
 * The reviews slice on the cloud, beyond the shared Store suite, through the real wx-server-sdk over the
 * emulated server: the list of 通报 versions never carries their tables; two supervisors publishing one
 * version at once get one 通报 and a CONFLICT, one request sent twice at once one 通报; a failed publish
 * keeps no request key; a sync run again writes nothing and never undoes a 约谈 recorded held meanwhile;
 * steps at once on one 书面说明 all land in turn; the ledger takes an entry once however often it is sent;
 * lists longer than a query's 100 documents come back whole; documents carry the schema version.
 */
import type { ReviewDivision } from '../../core/contract';
import type { DecideExplanation } from '../../core/app/reviews/store';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, M, U } from '../../tests/store/fixtures';
import { deduction, explanation, interview, review } from '../../tests/store/reviews.cases';
import { collections, docId } from './collections';
import { SCHEMA_TOO_NEW, SCHEMA_VERSION } from './schema';
import { createCloudStore, type CloudStoreOptions } from './store';

const T0 = 1_746_000_000_000;

let env: Emulated;
afterEach(() => env.done());

function setUp(options: Omit<CloudStoreOptions, 'db'> = {}) {
  env = emulate({ collections: Object.values(collections), jitter: 3, seed: 11 });
  return createCloudStore({ db: env.db, ...options });
}

const requestsDuring = async (fn: () => Promise<unknown>): Promise<Record<string, number>> => {
  const before = { ...env.server.stats.requests };
  await fn();
  return Object.fromEntries(
    Object.entries(env.server.stats.requests)
      .map(([k, n]) => [k, n - (before[k] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );
};

/** The bodies the server answers while `fn` runs. */
async function answersDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const bodies: string[] = [];
  const handle = env.server.handle;
  env.server.handle = async (action, params) => {
    const body = await handle(action, params);
    bodies.push(JSON.stringify(body));
    return body;
  };
  try {
    await fn();
  } finally {
    env.server.handle = handle;
  }
  return bodies;
}

/** A province's table: `n` rows of one division. */
function bigTable(n: number): ReviewDivision[] {
  const rows = Array.from({ length: n }, (_, i) => ({
    unitId: `u-${i}`,
    unitName: `第${i}单位`,
    metricId: M.invest,
    MA: i / 10,
    MT: 1,
    LY: 1,
    growth: i / 10 - 1,
    missed: i < 10,
    growthRank: n - i,
    flagged: false,
    level: 0 as const,
  }));
  return [{ division: '乡镇街道', rows }];
}

/** A submission that is always allowed (a returned one submitted again), so every one of a burst lands. */
const resubmit =
  (byId: string, requestId: string, at: number): DecideExplanation =>
  (cur) => ({
    ok: true,
    record: {
      ...cur,
      status: 'submitted',
      submissions: cur.submissions + 1,
      updatedAt: Math.max(cur.updatedAt, at),
    },
    event: { explanationId: cur.id, at, byId, byName: byId, to: 'submitted', note: '', requestId },
  });

describe('cloudbase reviews: published 通报', () => {
  it('the list of versions reads the heads alone, never the tables, whatever their size', async () => {
    const store = setUp();
    const divisions = bigTable(3000);
    for (let v = 1; v <= 3; v += 1) await store.reviews.publishReview(review(v, { divisions }));
    const stored = env.server.dump(collections.reviews);
    expect(JSON.stringify(stored).length).toBeGreaterThan(3 * 300_000);
    let heads: unknown[] = [];
    const bodies = await answersDuring(async () => {
      heads = await store.reviews.listReviews(C1);
    });
    expect(heads).toHaveLength(3);
    expect(bodies.join('').length).toBeLessThan(10_000);
    expect(bodies.join('')).not.toContain('divisions');
    // A version read by itself is whole.
    expect((await store.reviews.getReview(C1, '2025-04', 2))?.divisions[0]?.rows).toHaveLength(3000);
  });

  it('a publish is one transaction of two inserts; a replay and a taken version leave nothing behind', async () => {
    const store = setUp();
    const publishing = await requestsDuring(() => store.reviews.publishReview(review(1)));
    expect(publishing).toEqual({
      'database.startTransaction': 1,
      'database.insertDocument': 2,
      'database.commitTransaction': 1,
    });
    await store.reviews.publishReview(review(1, { note: '重发' }));
    await store.reviews.publishReview(review(1, { publishedById: 'user-sup2', requestId: 'req-other' }));
    expect(env.server.dump(collections.reviews)).toHaveLength(1);
    // The refused publish claimed no key: the same request, for the next version, publishes it.
    expect(env.server.dump(collections.reviewKeys)).toHaveLength(1);
    const next = review(2, { publishedById: 'user-sup2', requestId: 'req-other' });
    expect(await store.reviews.publishReview(next)).toEqual({ ok: true, review: next, replayed: false });
    expect(env.server.openTransactions()).toBe(0);
  });

  it('two supervisors publishing one version at once: one 通报, the other told it is taken', async () => {
    const store = setUp();
    const results = await Promise.all([
      store.reviews.publishReview(review(1)),
      store.reviews.publishReview(
        review(1, { publishedById: 'user-sup2', requestId: 'req-other', note: '另一份' }),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/由他人发布/) });
    expect(env.server.dump(collections.reviews)).toHaveLength(1);
    expect(env.server.dump(collections.reviewKeys)).toHaveLength(1);
  });

  it('one publish sent twice at once is one 通报, answered twice the same', async () => {
    const store = setUp();
    const [a, b] = await Promise.all([
      store.reviews.publishReview(review(1)),
      store.reviews.publishReview(review(1)),
    ]);
    expect([a, b].map((r) => r.ok && r.replayed).sort()).toEqual([false, true]);
    expect(a.ok && b.ok && a.review).toEqual(b.ok && b.review);
    expect(await store.reviews.listReviews(C1)).toHaveLength(1);
  });

  it('when every run conflicts, the publish is refused with a message and keeps no key: sent again, it publishes', async () => {
    const store = setUp({ retry: { attempts: 2, backoffMs: 1 } });
    env.server.inject({ at: 'write', collection: collections.reviews, times: 2 });
    const busy = await store.reviews.publishReview(review(1));
    expect(busy).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/稍后重试/) });
    expect(env.server.dump(collections.reviewKeys)).toEqual([]);
    expect(await store.reviews.publishReview(review(1))).toEqual({
      ok: true,
      review: review(1),
      replayed: false,
    });
  });

  it('versions past nine and lists past 100 come back whole, in number order', async () => {
    const store = setUp();
    for (let v = 1; v <= 105; v += 1) await store.reviews.publishReview(review(v));
    const heads = await store.reviews.listReviews(C1);
    expect(heads.map((h) => h.version)).toEqual(Array.from({ length: 105 }, (_, i) => i + 1));
    expect((await store.reviews.getReview(C1, '2025-04'))?.version).toBe(105);
  }, 60_000);
});

describe('cloudbase reviews: 约谈', () => {
  it('a sync run again writes nothing: one query', async () => {
    const store = setUp();
    const month = [interview(U.a1), interview(U.a2)];
    await store.reviews.syncInterviews(C1, '2025-04', month);
    const again = await requestsDuring(() => store.reviews.syncInterviews(C1, '2025-04', month));
    expect(again).toEqual({ 'database.getDocument': 1 });
  });

  it('a sync that cancels, at the same time as the 约谈 is recorded held: held wins in every interleaving', async () => {
    const rounds = 8;
    for (let round = 0; round < rounds; round += 1) {
      // A fresh emulation each round (its jitter interleaves the two differently); afterEach ends the last.
      if (round > 0) env.done();
      const store = setUp();
      const id = interview(U.a1).id;
      await store.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
      const [held] = await Promise.all([
        store.reviews.stepInterview(C1, id, { byId: 'user-sup', requestId: `held-${round}` }, (cur) =>
          cur.status === 'scheduled'
            ? {
                ok: true,
                record: { ...cur, status: 'held', heldDay: '2025-05-06', requestId: `held-${round}` },
              }
            : { ok: false, code: 'CONFLICT', message: '该约谈已取消' },
        ),
        store.reviews.syncInterviews(C1, '2025-04', []),
      ]);
      const [stored] = await store.reviews.listInterviews(C1);
      // Either the step came first (held, and the sync left it) or the sync did (cancelled, step refused).
      expect(stored?.status).toBe(held.ok ? 'held' : 'cancelled');
    }
  });

  it('two syncs of one month at once make each 约谈 once', async () => {
    const store = setUp();
    const month = [interview(U.a1), interview(U.a2), interview(U.b1)];
    await Promise.all([
      store.reviews.syncInterviews(C1, '2025-04', month),
      store.reviews.syncInterviews(C1, '2025-04', month),
    ]);
    expect(env.server.dump(collections.interviews)).toHaveLength(3);
    // One due day: listed by id.
    expect(await store.reviews.listInterviews(C1)).toEqual([...month].sort((x, y) => (x.id < y.id ? -1 : 1)));
  });

  it('a 约谈 cancelled by one version and called again by the next is scheduled again, on the new terms', async () => {
    const store = setUp();
    await store.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
    await store.reviews.syncInterviews(C1, '2025-04', []);
    const called = interview(U.a1, { reviewVersion: 3, dueDay: '2025-05-20', updatedAt: T0 + 3 });
    await store.reviews.syncInterviews(C1, '2025-04', [called]);
    expect(await store.reviews.listInterviews(C1)).toEqual([called]);
  });
});

describe('cloudbase reviews: 书面说明 and ledger', () => {
  it('twelve steps at once on one 书面说明 all land, each deciding on the one before', async () => {
    const store = setUp();
    const a = explanation(U.b1, M.invest);
    await store.reviews.addExplanations([a]);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.reviews.stepExplanation(
          C1,
          a.id,
          { byId: `user-${i}`, requestId: `r${i}` },
          resubmit(`user-${i}`, `r${i}`, T0 + 1 + i),
        ),
      ),
    );
    expect(results.every((r) => r.ok && !r.replayed)).toBe(true);
    const { conflictsAtWrite, conflictsAtCommit } = env.server.stats.transactions;
    expect(conflictsAtWrite + conflictsAtCommit).toBeGreaterThan(0);
    expect((await store.reviews.listExplanations(C1))[0]?.submissions).toBe(12);
    const seqs = env.server.dump(collections.explanationEvents).map((d) => Number(d.seq));
    expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await store.reviews.explanationHistory(C1, a.id)).toHaveLength(12);
  });

  it('when every run conflicts, the step is refused with a message and nothing is written', async () => {
    const store = setUp({ retry: { attempts: 2, backoffMs: 1 } });
    const a = explanation(U.b1, M.invest);
    await store.reviews.addExplanations([a]);
    env.server.inject({ at: 'write', collection: collections.explanations, times: 2 });
    const by = { byId: 'user-b1', requestId: 'r1' };
    const busy = await store.reviews.stepExplanation(C1, a.id, by, resubmit('user-b1', 'r1', T0 + 1));
    expect(busy).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/稍后重试/) });
    expect(await store.reviews.listExplanations(C1)).toEqual([a]);
    expect(env.server.dump(collections.explanationEvents)).toEqual([]);
    const again = await store.reviews.stepExplanation(C1, a.id, by, resubmit('user-b1', 'r1', T0 + 1));
    expect(again).toMatchObject({ ok: true, replayed: false, record: { submissions: 1 } });
  });

  it('requests added at once by two timers are added once; the ledger takes an entry once however often it is sent', async () => {
    const store = setUp();
    const a = explanation(U.a1, M.invest);
    const b = explanation(U.a2, M.invest);
    const counts = await Promise.all([
      store.reviews.addExplanations([a, b]),
      store.reviews.addExplanations([b, a]),
    ]);
    expect(counts[0]! + counts[1]!).toBe(2);
    const d = deduction(a.id, U.a1);
    const runs = await Promise.all([
      store.reviews.appendLedger([d]),
      store.reviews.appendLedger([{ ...d, points: -3 }]),
      store.reviews.appendLedger([d, d]),
    ]);
    expect(runs.flatMap((r) => r.added)).toEqual([d.id]);
    const kept = (await store.reviews.listLedger(C1))[0];
    for (const run of runs) for (const entry of run.entries) expect(entry).toEqual(kept);
    expect(env.server.dump(collections.ledger)).toHaveLength(1);
  });

  it('interviews, requests, steps and a ledger longer than a query’s 100 documents come back whole, in order', async () => {
    const store = setUp();
    const n = 120;
    const pad = (i: number) => String(i).padStart(3, '0');
    const month = Array.from({ length: n }, (_, i) =>
      interview(`u-${pad(i)}`, { dueDay: i % 2 ? '2025-05-10' : '2025-05-11' }),
    );
    await store.reviews.syncInterviews(C1, '2025-04', month);
    const asked = Array.from({ length: n }, (_, i) => explanation(`u-${pad(i)}`, M.invest));
    expect(await store.reviews.addExplanations(asked)).toBe(n);
    await store.reviews.appendLedger(asked.map((e, i) => deduction(e.id, e.unitId, { at: T0 + n - i })));
    for (let i = 0; i < 105; i += 1)
      await store.reviews.stepExplanation(
        C1,
        asked[0]!.id,
        { byId: 'user-a1', requestId: `s-${i}` },
        resubmit('user-a1', `s-${i}`, T0 + i),
      );
    const interviews = await store.reviews.listInterviews(C1);
    expect(interviews).toHaveLength(n);
    expect(interviews.slice(0, 2).map((i) => i.unitId)).toEqual(['u-001', 'u-003']);
    expect((await store.reviews.listExplanations(C1)).map((e) => e.id)).toEqual(asked.map((e) => e.id));
    const ledger = await store.reviews.listLedger(C1);
    expect(ledger.map((e) => e.unitId)).toEqual(asked.map((e) => e.unitId).reverse());
    const history = await store.reviews.explanationHistory(C1, asked[0]!.id);
    expect(history.map((e) => e.requestId)).toEqual(Array.from({ length: 105 }, (_, i) => `s-${i}`));
  }, 60_000);
});

describe('cloudbase reviews: schema version', () => {
  it('every document the slice writes carries the current schema version', async () => {
    const store = setUp();
    await store.reviews.publishReview(review(1));
    await store.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
    const a = explanation(U.a1, M.invest);
    await store.reviews.addExplanations([a]);
    await store.reviews.stepExplanation(
      C1,
      a.id,
      { byId: 'user-a1', requestId: 'r1' },
      resubmit('user-a1', 'r1', T0),
    );
    await store.reviews.appendLedger([deduction(a.id, U.a1)]);
    for (const name of [
      collections.reviews,
      collections.reviewKeys,
      collections.interviews,
      collections.explanations,
      collections.explanationEvents,
      collections.ledger,
    ]) {
      const docs = env.server.dump(name);
      expect({ name, count: docs.length > 0 }).toEqual({ name, count: true });
      for (const doc of docs) expect({ name, _v: doc._v }).toEqual({ name, _v: SCHEMA_VERSION });
    }
  });

  it('a document from a newer program is refused, not guessed at, and a step on it writes nothing', async () => {
    const store = setUp();
    await store.reviews.publishReview(review(1));
    const newer = { _v: SCHEMA_VERSION + 1 };
    await env.db
      .collection(collections.reviews)
      .doc(docId(C1, '2025-04', '1'))
      .update({ data: newer });
    await expect(store.reviews.getReview(C1, '2025-04')).rejects.toMatchObject({ code: SCHEMA_TOO_NEW });
    await expect(store.reviews.listReviews(C1)).rejects.toMatchObject({ code: SCHEMA_TOO_NEW });
    const a = explanation(U.a1, M.invest);
    await store.reviews.addExplanations([a]);
    await env.db.collection(collections.explanations).doc(docId(C1, a.id)).update({ data: newer });
    await expect(
      store.reviews.stepExplanation(
        C1,
        a.id,
        { byId: 'user-a1', requestId: 'r1' },
        resubmit('user-a1', 'r1', T0),
      ),
    ).rejects.toThrow(/数据由更新版本的程序写入/);
    expect(env.server.dump(collections.explanationEvents)).toEqual([]);
  });
});
