/**
 * `db.runTransaction` of the database double. Only single-document operations exist inside (as on the
 * cloud: no where, no aggregate). Conflicts are optimistic: a transaction that touched a document another
 * commit changed after it began fails with DATABASE_TRANSACTION_CONFLICT, at the operation or at the
 * commit, and the whole function is run again, up to `times` runs. This is stricter than the cloud's
 * snapshot isolation (which only refuses write-write conflicts), so an adapter that passes here and writes
 * every document it reads is safe on both.
 */
import type { WxData, WxTransaction } from '../../adapters/cloudbase/wx-types';
import { addDoc, docRef, type DocContext } from './docs';
import { commitWrites, conflict, pause, readTable, txDocMissing, type State } from './state';

const key = (table: string, id: string) => `${table}\u0000${id}`;

function isConflict(e: unknown): boolean {
  return (
    typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT'
  );
}

function begin(state: State) {
  const start = state.seq;
  const touched = new Map<string, [string, string]>();
  const buffer = new Map<string, [string, string, WxData | null]>();
  const tx = { status: 'open' as 'open' | 'aborted' | 'rolledBack' | 'done', reason: undefined as unknown };

  const changedSinceStart = (table: string, id: string) =>
    (readTable(state, table).get(id)?.seq ?? 0) > start;
  const open = () => {
    if (tx.status === 'aborted') throw conflict();
    if (tx.status !== 'open')
      throw new Error(`db double: the transaction is ${tx.status === 'done' ? 'finished' : 'rolled back'}`);
  };

  const ctx: DocContext = {
    read(table, id) {
      open();
      const k = key(table, id);
      touched.set(k, [table, id]);
      const buffered = buffer.get(k);
      if (buffered) return buffered[2];
      if (changedSinceStart(table, id)) {
        tx.status = 'aborted';
        throw conflict();
      }
      return readTable(state, table).get(id)?.data ?? null;
    },
    write(table, id, data) {
      open();
      buffer.set(key(table, id), [table, id, data]);
    },
    missing: txDocMissing,
  };

  const api: WxTransaction = {
    collection: (table) => ({
      doc: (id) => docRef(state, ctx, table, id),
      add: ({ data }) => addDoc(state, ctx, table, data),
    }),
    async rollback(reason) {
      open();
      tx.status = 'rolledBack';
      tx.reason = reason;
    },
  };

  const commit = () => {
    open();
    for (const [table, id] of touched.values()) if (changedSinceStart(table, id)) throw conflict();
    if (buffer.size > 0) commitWrites(state, [...buffer.values()]);
    tx.status = 'done';
  };

  return { api, tx, commit };
}

export async function runTransaction<T>(
  state: State,
  fn: (t: WxTransaction) => Promise<T>,
  times = 3,
): Promise<T> {
  state.stats.transactions += 1;
  let last: unknown = conflict();
  for (let run = 1; run <= times; run += 1) {
    state.stats.attempts += 1;
    const { api, tx, commit } = begin(state);
    let result: T;
    try {
      result = await fn(api);
    } catch (e) {
      if (tx.status === 'rolledBack') throw tx.reason;
      const retry = isConflict(e) || tx.status === 'aborted';
      tx.status = 'done';
      if (!retry) throw e;
      state.stats.conflicts += 1;
      last = e;
      continue;
    }
    if (tx.status === 'rolledBack') throw tx.reason;
    await pause(state);
    try {
      commit();
      return result;
    } catch (e) {
      tx.status = 'done';
      if (!isConflict(e)) throw e;
      state.stats.conflicts += 1;
      last = e;
    }
  }
  throw last;
}
