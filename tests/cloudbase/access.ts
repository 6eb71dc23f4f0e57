/**
 * What every database action starts with: its parameters, the collection it names (which must exist),
 * and the transaction it runs in, if any; then one read or write of a document, inside that transaction
 * or committed at once.
 */
import { decode } from './ejson';
import { collectionMissing, invalid, isServerError, type ServerError } from './errors';
import { commit, keyOf, readAt, type Doc, type Tables } from './tables';
import type { Transactions, Tx } from './transactions';

export interface ServerCtx {
  tables: Tables;
  txs: Transactions;
  newId(): string;
}

export type Params = Record<string, unknown>;
/** A successful answer's body (the server adds `requestId`), or the error it answers with. */
export type Answer = Record<string, unknown> | ServerError;

export interface Scope {
  collection: string;
  /** The open transaction the request names, or null outside one. */
  tx: Tx | null;
}

export function scope(ctx: ServerCtx, params: Params): Scope | ServerError {
  const collection = params.collectionName;
  if (typeof collection !== 'string' || collection === '') return invalid('collectionName is required');
  if (!ctx.tables.collections.has(collection)) return collectionMissing(collection);
  const id = params.transactionId;
  if (id === undefined || id === null || id === '') return { collection, tx: null };
  const tx = ctx.txs.find(String(id));
  return isServerError(tx) ? tx : { collection, tx };
}

/** The `_id` a DOC request names (its query is `{ _id }`). */
export function docIdOf(params: Params): unknown {
  const query = decode(params.query ?? '{}') as Doc;
  return query._id;
}

export const whereOf = (params: Params): Doc =>
  params.query === undefined || params.query === '' ? {} : (decode(params.query) as Doc);

export function read(ctx: ServerCtx, s: Scope, id: unknown): Doc | null {
  const key = keyOf(id);
  return s.tx ? ctx.txs.read(s.tx, s.collection, key) : readAt(ctx.tables, s.collection, key);
}

function withId(id: unknown, doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...structuredClone(rest) };
}

/** Writes (or, with null, removes) the document: buffered in the transaction, else committed now. */
export function write(ctx: ServerCtx, s: Scope, id: unknown, doc: Doc | null): ServerError | null {
  const key = keyOf(id);
  const stored = doc === null ? null : withId(id, doc);
  if (s.tx) return ctx.txs.write(s.tx, s.collection, key, stored);
  commit(ctx.tables, [{ collection: s.collection, key, doc: stored }], ctx.txs.oldestSnapshot());
  return null;
}
