/**
 * An in-memory double of the wx-server-sdk database (`cloud.database()`), for testing the CloudBase
 * adapter without the SDK or the network. It behaves as the cloud does where an adapter can go wrong:
 * `get()` answers at most 100 documents, an aggregate 20 without `limit()`, a missing document rejects
 * `doc().get()`, transactions hold single-document operations only and are retried on conflict, and every
 * operation yields so that concurrent calls interleave. See the options in ./state.ts.
 */
import type { WxData, WxDatabase } from '../../adapters/cloudbase/wx-types';
import { command } from './commands';
import { addDoc, docRef, type DocContext } from './docs';
import { aggregateRef, queryRef } from './query';
import {
  collectionExists,
  commitWrites,
  createState,
  docMissing,
  pause,
  readTable,
  withId,
  type DoubleOptions,
  type Stats,
} from './state';
import { runTransaction } from './transaction';

export type { DoubleOptions, Stats } from './state';

export interface DbDouble {
  db: WxDatabase;
  /** Counters of what the code under test asked for. */
  stats: Stats;
  /** The live documents of a collection, with their `_id`, as stored. */
  dump(collection: string): WxData[];
  collections(): string[];
}

export function createDbDouble(options: DoubleOptions = {}): DbDouble {
  const state = createState(options);

  const direct: DocContext = {
    read: (table, id) => readTable(state, table).get(id)?.data ?? null,
    write: (table, id, data) => commitWrites(state, [[table, id, data]]),
    missing: docMissing,
  };

  const db: WxDatabase = {
    command,
    collection: (table) => ({
      ...queryRef(state, table),
      doc: (id) => docRef(state, direct, table, id),
      add: ({ data }) => addDoc(state, direct, table, data),
      aggregate: () => aggregateRef(state, table),
    }),
    runTransaction: (fn, times) => runTransaction(state, fn, times),
    async createCollection(name) {
      await pause(state);
      if (state.tables.has(name)) throw collectionExists(name);
      state.tables.set(name, new Map());
      return { errMsg: 'createCollection:ok' };
    },
  };

  return {
    db,
    stats: state.stats,
    dump: (collection) => {
      const out: WxData[] = [];
      for (const [id, row] of state.tables.get(collection) ?? [])
        if (row.data) out.push(withId(id, row.data));
      return out;
    },
    collections: () => [...state.tables.keys()],
  };
}
