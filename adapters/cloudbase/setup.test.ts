/**
 * Deploying the Store: the collections it uses exist after setup (a fresh environment has none), and the
 * deploy files the README uses cover exactly those collections: indexes for each query, and rules that
 * let no client read or write (cloud functions use admin rights).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeStore } from '../../tests/store/suite';
import { emulate } from '../../tests/cloudbase/setup';
import { collections } from './collections';
import { ensureCollections } from './setup';
import { createCloudStore } from './store';

const load = (file: string) => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as unknown;
const names = Object.values(collections).sort();

describe('cloudbase setup', () => {
  it('creates every collection the store uses, and running it again changes nothing', async () => {
    const env = emulate({ collections: ['users'] });
    try {
      expect((await ensureCollections(env.db)).sort()).toEqual(names.filter((n) => n !== 'users'));
      expect(await ensureCollections(env.db)).toEqual([]);
      expect(env.server.collections().sort()).toEqual(names);
    } finally {
      env.done();
    }
  });

  it('security rules refuse every client read and write, on every collection', () => {
    const rules = load('security-rules.json') as Record<string, unknown>;
    expect(Object.keys(rules).sort()).toEqual(names);
    for (const rule of Object.values(rules)) expect(rule).toEqual({ read: false, write: false });
  });

  it('the index file names only the store’s collections, with well-formed keys', () => {
    const file = load('indexes.json') as {
      collections: Record<
        string,
        Array<{ name: string; fields: Array<{ field: string; direction: number }> }>
      >;
    };
    expect(Object.keys(file.collections).sort()).toEqual(names);
    for (const list of Object.values(file.collections)) {
      for (const index of list) {
        expect(index.fields.length).toBeGreaterThan(0);
        for (const f of index.fields) expect([1, -1]).toContain(f.direction);
        expect(index.name).toBe(index.fields.map((f) => `${f.field}_${f.direction}`).join('_'));
      }
    }
  });
});

// On a fresh environment where only the collections setup created exist, the whole contract still holds:
// the store touches no collection that setup does not create.
let made = 0;
describeStore('cloudbase (real SDK, fresh environment after ensureCollections)', async () => {
  const env = emulate({ env: `fresh-${(made += 1)}` });
  await ensureCollections(env.db);
  return { store: createCloudStore({ db: env.db }), close: env.done };
});
