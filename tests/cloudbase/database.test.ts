/**
 * The emulated database server behind the real wx-server-sdk answers as the cloud does where an adapter
 * can go wrong: the limits of a query and of an aggregate, the shapes of its errors (an Error with a
 * numeric errCode, never a string code), snapshot reads in a transaction, and write conflicts — refused at
 * the write (which the SDK does not retry) or at the commit (which it does).
 */
import type { WxDatabase, WxTransaction } from '../../adapters/cloudbase/wx-types';
import { emulate, type Emulated } from './setup';

let env: Emulated;
afterEach(() => env.done());

async function fill(db: WxDatabase, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await db
      .collection('units')
      .doc(`u${String(i).padStart(4, '0')}`)
      .set({ data: { n: i, even: i % 2 === 0 } });
  }
}

const shape = (e: unknown) => {
  const { errCode, code, message } = e as { errCode?: unknown; code?: unknown; message?: string };
  return { isError: e instanceof Error, errCode, code, message };
};

describe('queries', () => {
  it('get() answers 100 without a limit, the limit asked up to 1000, and counts all', async () => {
    env = emulate({ collections: ['units'] });
    const { db } = env;
    await fill(db, 1100);
    expect((await db.collection('units').get()).data).toHaveLength(100);
    expect((await db.collection('units').limit(500).get()).data).toHaveLength(500);
    expect((await db.collection('units').limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('units').skip(1050).limit(100).get()).data).toHaveLength(50);
    expect((await db.collection('units').count()).total).toBe(1100);
  });

  it('where, orderBy, skip and field follow MongoDB, commands included', async () => {
    env = emulate({ collections: ['units'] });
    const { db } = env;
    await fill(db, 10);
    const _ = db.command;
    const ns = async (q: object) =>
      (await db.collection('units').where(q).orderBy('n', 'asc').get()).data.map((d) => d.n);
    expect(await ns({ n: _.in([1, 3, 42]) })).toEqual([1, 3]);
    expect(await ns({ n: _.gte(8) })).toEqual([8, 9]);
    expect(await ns({ n: _.neq(0), even: true })).toEqual([2, 4, 6, 8]);
    expect(await ns({ _id: _.gt('u0007') })).toEqual([8, 9]);
    expect(await ns(_.and([{ even: false }, _.or([{ n: _.lt(3) }, { n: 9 }])]))).toEqual([1, 9]);
    const page = await db
      .collection('units')
      .orderBy('even', 'desc')
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .field({ n: true })
      .get();
    expect(page.data).toEqual([
      { _id: 'u0006', n: 6 },
      { _id: 'u0004', n: 4 },
    ]);
  });

  it('an aggregate answers 20 without limit(), and groups after a sort', async () => {
    env = emulate({ collections: ['units'] });
    const { db } = env;
    await fill(db, 60);
    expect((await db.collection('units').aggregate().end()).list).toHaveLength(20);
    expect((await db.collection('units').aggregate().limit(50).end()).list).toHaveLength(50);
    const $ = db.command.aggregate;
    const { list } = await db
      .collection('units')
      .aggregate()
      .match({ n: db.command.lt(10) })
      .sort({ even: 1, n: -1 })
      .group({ _id: '$even', top: $.first('$n'), bottom: $.last('$n'), most: $.max('$n') })
      .sort({ _id: 1 })
      .limit(10)
      .end();
    expect(list).toEqual([
      { _id: false, top: 9, bottom: 1, most: 9 },
      { _id: true, top: 8, bottom: 0, most: 8 },
    ]);
  });
});

describe('documents and their errors', () => {
  it('a missing document rejects doc().get() with errCode -1, or answers null when told not to throw', async () => {
    env = emulate({ collections: ['users'] });
    const e = await env.db
      .collection('users')
      .doc('nobody')
      .get()
      .catch((x: unknown) => x);
    expect(shape(e)).toEqual({
      isError: true,
      errCode: -1,
      code: undefined,
      message: 'document.get:fail document with _id nobody does not exist',
    });
    expect(
      (await env.cloud.database({ throwOnNotFound: false }).collection('users').doc('nobody').get()).data,
    ).toBeNull();
  });

  it('a missing collection is -502005; a duplicate _id on add is -502001 with MongoDB’s E11000', async () => {
    env = emulate({ collections: ['posts'] });
    const { db } = env;
    expect(
      shape(
        await db
          .collection('nope')
          .doc('a')
          .get()
          .catch((x: unknown) => x),
      ),
    ).toMatchObject({
      isError: true,
      errCode: -502005,
      code: undefined,
    });
    const { _id } = await db.collection('posts').add({ data: { text: 'a' } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    const dup = await db
      .collection('posts')
      .add({ data: { _id, text: 'again' } })
      .catch((x: unknown) => x);
    expect(shape(dup)).toMatchObject({ isError: true, errCode: -502001, code: undefined });
    expect(shape(dup).message).toContain('E11000 duplicate key');
  });

  it('set replaces, update merges nested objects and applies _.inc, createCollection refuses a second time', async () => {
    env = emulate();
    const { db, server } = env;
    await db.createCollection('posts');
    expect(shape(await db.createCollection('posts').catch((x: unknown) => x))).toMatchObject({
      errCode: -501001,
      code: undefined,
    });
    const ref = db.collection('posts').doc('p');
    expect(await ref.set({ data: { text: 'a', meta: { likes: 1, by: 'x' } } })).toMatchObject({
      stats: { updated: 0, created: 1 },
    });
    expect(await ref.update({ data: { meta: { likes: db.command.inc(2) } } })).toMatchObject({
      stats: { updated: 1 },
    });
    expect((await ref.get()).data).toEqual({ _id: 'p', text: 'a', meta: { likes: 3, by: 'x' } });
    await ref.set({ data: { text: 'b' } });
    expect(server.dump('posts')).toEqual([{ _id: 'p', text: 'b' }]);
    expect(
      await db
        .collection('posts')
        .doc('missing')
        .update({ data: { n: 1 } }),
    ).toMatchObject({ stats: { updated: 0 } });
    expect(server.dump('posts')).toHaveLength(1);
  });
});

describe('transactions', () => {
  const read = async (t: WxTransaction, id = 'c') =>
    Number((await t.collection('counters').doc(id).get()).data?.n ?? 0);

  it('read the snapshot they began with, and write nothing until they commit', async () => {
    env = emulate({ collections: ['counters'], throwOnNotFound: false });
    const { db, server } = env;
    await db
      .collection('counters')
      .doc('c')
      .set({ data: { n: 1 } });
    await db.runTransaction(async (t) => {
      expect(await read(t)).toBe(1);
      await db
        .collection('counters')
        .doc('c')
        .set({ data: { n: 5 } });
      expect(await read(t)).toBe(1);
      await t
        .collection('counters')
        .doc('d')
        .set({ data: { n: 7 } });
      expect(await read(t, 'd')).toBe(7);
      expect(server.dump('counters')).toEqual([{ _id: 'c', n: 5 }]);
    });
    expect(server.dump('counters')).toEqual([
      { _id: 'c', n: 5 },
      { _id: 'd', n: 7 },
    ]);
  });

  it('a conflict at the write rejects with errCode -501001 and no code, and the SDK does not run it again', async () => {
    env = emulate({ collections: ['counters'], throwOnNotFound: false });
    const { db, server } = env;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = db.runTransaction(async (t) => {
      await t
        .collection('counters')
        .doc('c')
        .set({ data: { n: 1 } });
      await held;
    });
    let runs = 0;
    const second = db
      .runTransaction(async (t) => {
        runs += 1;
        await t
          .collection('counters')
          .doc('c')
          .set({ data: { n: 2 } });
      }, 5)
      .catch((x: unknown) => x);
    const e = shape(await second);
    release();
    await first;
    expect(e).toMatchObject({ isError: true, errCode: -501001, code: undefined });
    expect(e.message).toContain('TransactionConflict');
    expect(runs).toBe(1);
    expect(server.dump('counters')).toEqual([{ _id: 'c', n: 1 }]);
    expect(server.stats.transactions.conflictsAtWrite).toBe(1);
    expect(server.openTransactions()).toBe(0);
  });

  it('a conflict at commit is run again, `times` + 1 runs, then rejects with the server’s plain object', async () => {
    env = emulate({ collections: ['counters'], throwOnNotFound: false });
    const { db, server } = env;
    server.inject({ at: 'commit', times: 2 });
    let runs = 0;
    await db.runTransaction(async (t) => {
      runs += 1;
      await t
        .collection('counters')
        .doc('c')
        .set({ data: { n: runs } });
    }, 3);
    expect(runs).toBe(3);
    expect(server.dump('counters')).toEqual([{ _id: 'c', n: 3 }]);

    server.inject({ at: 'commit', times: 10 });
    runs = 0;
    const e = await db
      .runTransaction(async (t) => {
        runs += 1;
        await t
          .collection('counters')
          .doc('c')
          .set({ data: { n: 0 } });
      }, 2)
      .catch((x: unknown) => x);
    expect(runs).toBe(3);
    expect(e).toBeInstanceOf(Object);
    expect(e instanceof Error).toBe(false);
    expect(e).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(server.dump('counters')).toEqual([{ _id: 'c', n: 3 }]);
  });

  it('a write outside any transaction to a document a transaction wrote fails that transaction at commit', async () => {
    env = emulate({ collections: ['counters'], throwOnNotFound: false });
    const { db } = env;
    let runs = 0;
    await db.runTransaction(async (t) => {
      runs += 1;
      await t
        .collection('counters')
        .doc('c')
        .set({ data: { n: 10 + runs } });
      if (runs === 1)
        await db
          .collection('counters')
          .doc('c')
          .set({ data: { n: 99 } });
    });
    expect(runs).toBe(2);
    expect(env.server.dump('counters')).toEqual([{ _id: 'c', n: 12 }]);
  });

  it('cost one round trip per request: start, each operation, commit', async () => {
    env = emulate({ collections: ['counters'], throwOnNotFound: false });
    const { db, emulator } = env;
    emulator.resetRoundTrips();
    await db.runTransaction(async (t) => {
      await read(t);
      await t
        .collection('counters')
        .doc('c')
        .set({ data: { n: 1 } });
    });
    expect(emulator.roundTrips()).toBe(4);
    expect(env.server.stats.requests).toMatchObject({
      'database.startTransaction': 1,
      'database.getDocument': 1,
      'database.modifyDocument': 1,
      'database.commitTransaction': 1,
    });
  });
});
