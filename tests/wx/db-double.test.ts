/**
 * The database double must behave like the cloud where the adapter can go wrong; these tests pin that
 * behaviour down (caps, operators, missing documents, transactions and their retries).
 */
import type { WxDatabase, WxTransaction } from '../../adapters/cloudbase/wx-types';
import { createDbDouble } from './db-double';

async function fill(db: WxDatabase, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await db
      .collection('units')
      .doc(`u${String(i).padStart(3, '0')}`)
      .set({ data: { n: i, even: i % 2 === 0 } });
  }
}

const codeOf = (e: unknown) => (e as { code?: string }).code;

describe('db double: queries', () => {
  it('get() answers at most 100 documents, with or without a larger limit', async () => {
    const { db } = createDbDouble();
    await fill(db, 250);
    expect((await db.collection('units').get()).data).toHaveLength(100);
    expect((await db.collection('units').limit(500).get()).data).toHaveLength(100);
    expect((await db.collection('units').limit(30).get()).data).toHaveLength(30);
    expect((await db.collection('units').skip(200).limit(100).get()).data).toHaveLength(50);
    expect((await db.collection('units').count()).total).toBe(250);
  });

  it('the default page size can be set lower, as the mini-program side answers 20', async () => {
    const { db } = createDbDouble({ defaultLimit: 20 });
    await fill(db, 30);
    expect((await db.collection('units').get()).data).toHaveLength(20);
  });

  it('where() applies the command operators the adapter uses', async () => {
    const { db } = createDbDouble();
    await fill(db, 10);
    const _ = db.command;
    const ns = async (q: object) =>
      (await db.collection('units').where(q).orderBy('n', 'asc').get()).data.map((d) => d.n);
    expect(await ns({ n: _.in([1, 3, 42]) })).toEqual([1, 3]);
    expect(await ns({ n: _.nin([0, 1, 2, 3, 4, 5, 6]) })).toEqual([7, 8, 9]);
    expect(await ns({ n: _.gte(8) })).toEqual([8, 9]);
    expect(await ns({ n: _.lt(2) })).toEqual([0, 1]);
    expect(await ns({ n: _.lte(1), even: true })).toEqual([0]);
    expect(await ns({ n: _.neq(0), even: true })).toEqual([2, 4, 6, 8]);
    expect(await ns({ _id: _.gt('u007') })).toEqual([8, 9]);
    expect(await ns(_.or([{ n: 1 }, { n: _.gt(8) }]))).toEqual([1, 9]);
    expect(await ns(_.and([{ even: false }, _.or([{ n: _.lt(3) }, { n: 9 }])]))).toEqual([1, 9]);
    // Ordering operators compare like with like: a string never passes a numeric bound.
    await db
      .collection('units')
      .doc('odd')
      .set({ data: { n: 'x' } });
    expect(await ns({ n: _.gt(5) })).toEqual([6, 7, 8, 9]);
  });

  it('orderBy sorts on several fields, skip and field() page and trim', async () => {
    const { db } = createDbDouble();
    await fill(db, 6);
    const page = await db
      .collection('units')
      .orderBy('even', 'desc')
      .orderBy('n', 'desc')
      .skip(1)
      .limit(3)
      .field({ n: true })
      .get();
    expect(page.data).toEqual([
      { _id: 'u002', n: 2 },
      { _id: 'u000', n: 0 },
      { _id: 'u005', n: 5 },
    ]);
  });

  it('aggregate() answers 20 results without limit(), and groups after a sort', async () => {
    const { db } = createDbDouble();
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

  it('refuses operators it does not model, rather than guessing', async () => {
    const { db } = createDbDouble();
    await fill(db, 1);
    await expect(
      db
        .collection('units')
        .where({ nested: { a: 1 } })
        .get(),
    ).rejects.toThrow('not supported');
    expect(() => db.collection('units').where({ n: 1 }).where({ n: 2 })).toThrow('not supported');
  });
});

describe('db double: documents', () => {
  it('doc().get() of a missing document rejects as the SDK does, or answers null when told not to throw', async () => {
    await expect(createDbDouble().db.collection('users').doc('nobody').get()).rejects.toMatchObject({
      errCode: -1,
      errMsg: expect.stringContaining('cannot find document with _id nobody'),
    });
    expect(
      (await createDbDouble({ throwOnNotFound: false }).db.collection('users').doc('nobody').get()).data,
    ).toBeNull();
  });

  it('add returns the new _id; set replaces the whole document; update merges and increments', async () => {
    const { db } = createDbDouble();
    const { _id } = await db.collection('posts').add({ data: { text: 'a', meta: { likes: 1, by: 'x' } } });
    expect(typeof _id).toBe('string');
    await expect(db.collection('posts').add({ data: { _id, text: 'again' } })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    const ref = db.collection('posts').doc(String(_id));
    expect(await ref.update({ data: { meta: { likes: db.command.inc(2) } } })).toEqual({
      stats: { updated: 1 },
    });
    expect((await ref.get()).data).toEqual({ _id, text: 'a', meta: { likes: 3, by: 'x' } });
    await ref.set({ data: { text: 'b' } });
    expect((await ref.get()).data).toEqual({ _id, text: 'b' });
    expect(
      await db
        .collection('posts')
        .doc('missing')
        .update({ data: { n: 1 } }),
    ).toEqual({ stats: { updated: 0 } });
    await expect(ref.set({ data: { _id: 'other' } })).rejects.toThrow('_id');
  });

  it('hands out copies: changing a result does not change what is stored', async () => {
    const { db } = createDbDouble();
    const data = { list: [1, 2] };
    await db.collection('c').doc('a').set({ data });
    data.list.push(3);
    const got = (await db.collection('c').doc('a').get()).data as { list: number[] };
    got.list.push(4);
    expect((await db.collection('c').doc('a').get()).data).toEqual({ _id: 'a', list: [1, 2] });
  });

  it('on a fresh environment, collections must be created before use', async () => {
    const { db } = createDbDouble({ collections: [] });
    await expect(
      db
        .collection('users')
        .doc('a')
        .set({ data: { n: 1 } }),
    ).rejects.toMatchObject({ errCode: -502005 });
    await db.createCollection('users');
    await db
      .collection('users')
      .doc('a')
      .set({ data: { n: 1 } });
    await expect(db.createCollection('users')).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
    });
  });
});

describe('db double: transactions', () => {
  const bump = (t: WxTransaction) => async () => {
    const ref = t.collection('counters').doc('c');
    const got = await ref.get();
    await ref.set({ data: { n: ((got.data?.n as number | undefined) ?? 0) + 1 } });
  };

  it('offers single-document operations only', async () => {
    const { db } = createDbDouble();
    await db.runTransaction(async (t) => {
      const c = t.collection('counters');
      expect(Object.keys(c).sort()).toEqual(['add', 'doc']);
      expect('where' in c || 'aggregate' in c || 'get' in c).toBe(false);
    });
  });

  it('writes nothing until it commits, and nothing when the function throws or rolls back', async () => {
    const { db, stats } = createDbDouble({ throwOnNotFound: false });
    await expect(
      db.runTransaction(async (t) => {
        await t
          .collection('counters')
          .doc('c')
          .set({ data: { n: 1 } });
        expect((await db.collection('counters').doc('c').get()).data).toBeNull();
        expect((await t.collection('counters').doc('c').get()).data).toEqual({ _id: 'c', n: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(stats.attempts).toBe(1);
    await expect(
      db.runTransaction(async (t) => {
        await t
          .collection('counters')
          .doc('c')
          .set({ data: { n: 1 } });
        await t.rollback(-100);
      }),
    ).rejects.toBe(-100);
    expect(await db.collection('counters').count()).toEqual(expect.objectContaining({ total: 0 }));
  });

  it('runs the function again when another transaction changed what it read, and loses no update', async () => {
    const { db, stats } = createDbDouble({ throwOnNotFound: false });
    await Promise.all(Array.from({ length: 3 }, () => db.runTransaction((t) => bump(t)())));
    expect((await db.collection('counters').doc('c').get()).data).toEqual({ _id: 'c', n: 3 });
    expect(stats.conflicts).toBeGreaterThan(0);
    expect(stats.attempts).toBe(3 + stats.conflicts);
  });

  it('gives up with DATABASE_TRANSACTION_CONFLICT after its runs are used up', async () => {
    const { db } = createDbDouble({ throwOnNotFound: false });
    const results = await Promise.allSettled([1, 2].map(() => db.runTransaction((t) => bump(t)(), 1)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(codeOf(failed.reason)).toBe('DATABASE_TRANSACTION_CONFLICT');
  });

  it('conflicts with a plain write made after it began, and with a document created meanwhile', async () => {
    const { db, stats } = createDbDouble();
    let runs = 0;
    await db.runTransaction(async (t) => {
      runs += 1;
      const key = t.collection('keys').doc('k');
      const seen = await key.get().then(
        (r) => r.data,
        () => null,
      );
      if (runs === 1)
        await db
          .collection('keys')
          .doc('k')
          .set({ data: { by: 'other' } });
      if (!seen) await key.set({ data: { by: 'me' } });
    });
    expect(runs).toBe(2);
    expect(stats.conflicts).toBe(1);
    expect(await db.collection('keys').doc('k').get()).toMatchObject({ data: { by: 'other' } });
  });

  it('rejects a missing document inside a transaction with a not-found code unless told not to throw', async () => {
    const { db } = createDbDouble();
    await expect(db.runTransaction((t) => t.collection('a').doc('x').get())).rejects.toMatchObject({
      code: 'DATABASE_DOCUMENT_NOT_EXIST',
    });
  });
});
