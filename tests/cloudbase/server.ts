/**
 * An in-memory CloudBase database server: it answers the requests wx-server-sdk's database client sends
 * (`database.getDocument`, `modifyDocument`, `insertDocument`, `removeDocument`, `calculateDocument`,
 * `aggregateDocuments`, `addCollection`, `startTransaction`, `commitTransaction`, `abortTransaction`) with
 * the bodies the real server gives, errors included (./errors.ts). Only the collections it was given, or
 * that `addCollection` made, exist. Each request yields a few turns of the event loop (more with `jitter`),
 * so that concurrent calls interleave as they would over the network.
 */
import type { Answer, Params, ServerCtx } from './access';
import { collectionExists, invalid, isServerError } from './errors';
import { aggregateDocuments, calculateDocument, getDocument } from './reads';
import { createTables, liveAt, type Doc } from './tables';
import { createTransactions, type Injection, type TxStats } from './transactions';
import { insertDocument, modifyDocument, removeDocument } from './writes';

export interface CloudDbServerOptions {
  /** Collections that exist at the start (a fresh environment has none). */
  collections?: readonly string[];
  /** Turns of the event loop each request takes (default 2). */
  latency?: number;
  /** Extra turns, 0..jitter, drawn from a seeded generator per request. */
  jitter?: number;
  seed?: number;
  /** Wall-clock milliseconds each request takes on top (default 0), to see contention as the cloud has it. */
  delayMs?: number;
}

export interface CloudDbServer {
  /** One request as the SDK's requester sends it; the body the server answers (always with `requestId`). */
  handle(action: string, params?: Params): Promise<Record<string, unknown>>;
  /** The live documents of a collection, copies. */
  dump(collection: string): Doc[];
  collections(): string[];
  /** Refuse the next transactional writes or commits with a conflict. */
  inject(injection: Injection): void;
  /** Requests per action, and what the transactions did. */
  stats: { requests: Record<string, number>; transactions: TxStats };
  openTransactions(): number;
}

type Action = (ctx: ServerCtx, params: Params) => Answer;

export function createCloudDbServer(options: CloudDbServerOptions = {}): CloudDbServer {
  const tables = createTables(options.collections ?? []);
  const txs = createTransactions(tables);
  let seed = (options.seed ?? 1) >>> 0;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const newId = () => Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const ctx: ServerCtx = { tables, txs, newId };
  const requests: Record<string, number> = {};
  let requestNo = 0;

  const txOf = (params: Params) => txs.find(String(params.transactionId ?? ''));
  const actions: Record<string, Action> = {
    getDocument,
    calculateDocument,
    aggregateDocuments,
    modifyDocument,
    insertDocument,
    removeDocument,
    addCollection: (_, params) => {
      const name = params.collectionName;
      if (typeof name !== 'string' || name === '') return invalid('collectionName is required');
      if (tables.collections.has(name)) return collectionExists(name);
      tables.collections.set(name, new Map());
      return {};
    },
    startTransaction: () => ({ transactionId: txs.begin() }),
    commitTransaction: (_, params) => {
      const tx = txOf(params);
      return isServerError(tx) ? tx : (txs.commit(tx) ?? {});
    },
    abortTransaction: (_, params) => {
      const tx = txOf(params);
      if (isServerError(tx)) return tx;
      txs.abort(tx);
      return {};
    },
  };

  const pause = async () => {
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 0) / 2));
    const turns = (options.latency ?? 2) + Math.floor(random() * ((options.jitter ?? 0) + 1));
    for (let i = 0; i < turns; i += 1) await Promise.resolve();
  };

  return {
    async handle(action, params = {}) {
      requests[action] = (requests[action] ?? 0) + 1;
      requestNo += 1;
      const requestId = `req-${requestNo}`;
      await pause();
      const name = action.startsWith('database.') ? action.slice('database.'.length) : action;
      const run = actions[name];
      const answer = run ? run(ctx, params) : invalid(`unknown action ${action}`);
      await pause();
      return { ...answer, requestId };
    },
    dump: (collection) => liveAt(tables, collection).map((d) => structuredClone(d)),
    collections: () => [...tables.collections.keys()],
    inject: (injection) => txs.inject(injection),
    stats: { requests, transactions: txs.stats },
    openTransactions: () => txs.openCount(),
  };
}
