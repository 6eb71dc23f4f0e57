/**
 * The database double's memory: collections of versioned rows, a commit sequence that transactions
 * check for conflicts, the knobs that make it behave like the cloud (caps, latency), and the errors the
 * SDK raises, shaped as it raises them.
 */
import type { WxData } from '../../adapters/cloudbase/wx-types';
import { clone } from './commands';

export interface DoubleOptions {
  /** Most documents one `get()` answers, whatever `limit()` asks (100 in cloud functions). */
  maxLimit?: number;
  /** Documents a `get()` without `limit()` answers (the server SDK's default is its cap, 100). */
  defaultLimit?: number;
  /** Results an aggregate without `limit()` answers (20, as measured on the cloud). */
  aggregateDefaultLimit?: number;
  /** As `cloud.database({ throwOnNotFound })`: a missing document rejects `doc().get()` (default true). */
  throwOnNotFound?: boolean;
  /** When given, only these collections exist (and `createCollection` adds more), as on a fresh env. */
  collections?: string[];
  /** Microtask hops each operation takes, so that concurrent calls interleave (default 2). */
  latency?: number;
  /** Extra random hops (0..jitter) per operation from a seeded generator, to vary interleavings. */
  jitter?: number;
  seed?: number;
}

export interface Row {
  /** null: a removed document (kept so that a transaction that read it sees the change). */
  data: WxData | null;
  /** The commit that last wrote it. */
  seq: number;
}

export interface Stats {
  /** `get`, `count` and aggregate `end` calls outside transactions. */
  queries: number;
  docReads: number;
  writes: number;
  transactions: number;
  attempts: number;
  conflicts: number;
}

export interface State {
  opts: Required<Omit<DoubleOptions, 'collections' | 'seed'>> & { strict: boolean };
  tables: Map<string, Map<string, Row>>;
  seq: number;
  stats: Stats;
  random(): number;
}

export function createState(options: DoubleOptions): State {
  let s = (options.seed ?? 1) >>> 0;
  const state: State = {
    opts: {
      maxLimit: options.maxLimit ?? 100,
      defaultLimit: options.defaultLimit ?? 100,
      aggregateDefaultLimit: options.aggregateDefaultLimit ?? 20,
      throwOnNotFound: options.throwOnNotFound ?? true,
      latency: options.latency ?? 2,
      jitter: options.jitter ?? 0,
      strict: options.collections !== undefined,
    },
    tables: new Map(),
    seq: 0,
    stats: { queries: 0, docReads: 0, writes: 0, transactions: 0, attempts: 0, conflicts: 0 },
    random: () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    },
  };
  for (const name of options.collections ?? []) state.tables.set(name, new Map());
  return state;
}

/** Lets other pending operations run, as a network round trip would. */
export async function pause(state: State): Promise<void> {
  const hops = state.opts.latency + Math.floor(state.random() * (state.opts.jitter + 1));
  for (let i = 0; i < hops; i += 1) await Promise.resolve();
}

type Coded = Error & { errCode?: number; errMsg?: string; code?: string };
const coded = (message: string, fields: Partial<Coded>): Coded => Object.assign(new Error(message), fields);

export function collectionMissing(name: string): Coded {
  const errMsg = `collection.get:fail -502005 database collection not exists. [ResourceNotFound] Db or Table not exist: ${name}`;
  return coded(errMsg, { errCode: -502005, errMsg, code: 'DATABASE_COLLECTION_NOT_EXIST' });
}

export function collectionExists(name: string): Coded {
  return coded(`createCollection:fail collection ${name} already exists`, {
    code: 'DATABASE_COLLECTION_ALREADY_EXIST',
  });
}

/** What `doc(id).get()` rejects with outside a transaction (errCode -1, as the SDK reports it). */
export function docMissing(id: string): Coded {
  const errMsg = `document.get:fail document.get:fail cannot find document with _id ${id}, please make sure that the document exists and you have the corresponding Read permission`;
  return coded(errMsg, { errCode: -1, errMsg });
}

/** Inside a transaction the underlying database SDK reports a missing document with a code. */
export function txDocMissing(id: string): Coded {
  return coded(`document with _id ${id} does not exist`, { code: 'DATABASE_DOCUMENT_NOT_EXIST' });
}

export function conflict(): Coded {
  return coded(
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
    {
      code: 'DATABASE_TRANSACTION_CONFLICT',
    },
  );
}

export function duplicate(id: string): Coded {
  return coded(`E11000 duplicate key error: _id ${id}`, { code: 'DATABASE_DUPLICATE_WRITE' });
}

/** A collection for reading: a missing one is empty, or an error when collections must be created. */
export function readTable(state: State, name: string): Map<string, Row> {
  const t = state.tables.get(name);
  if (t) return t;
  if (state.opts.strict) throw collectionMissing(name);
  return new Map();
}

export function writeTable(state: State, name: string): Map<string, Row> {
  let t = state.tables.get(name);
  if (!t) {
    if (state.opts.strict) throw collectionMissing(name);
    t = new Map();
    state.tables.set(name, t);
  }
  return t;
}

/** A live document with its `_id`, copied so that callers cannot change what is stored. */
export function withId(id: string, data: WxData): WxData {
  return { _id: id, ...clone(data) };
}

export function newDocId(state: State): string {
  let id = '';
  while (id.length < 32) id += Math.floor(state.random() * 16).toString(16);
  return id;
}

/** Applies one committed write: every write is its own commit unless a transaction groups them. */
export function commitWrites(state: State, writes: Array<[string, string, WxData | null]>): void {
  state.seq += 1;
  for (const [table, id, data] of writes) {
    writeTable(state, table).set(id, { data, seq: state.seq });
    state.stats.writes += 1;
  }
}
