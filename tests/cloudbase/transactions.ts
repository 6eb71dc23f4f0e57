/**
 * Transactions as the server runs them: snapshot reads (a transaction reads the database as of its start,
 * plus its own writes) and first-writer-wins write conflicts. A write is refused at once when another open
 * transaction has written the document, or when a commit changed it after this transaction began; the
 * refused transaction is aborted. A document changed outside any transaction after this one wrote it makes
 * the commit fail. Tests can also make the next writes or commits fail (`inject`).
 */
import { conflict, transactionGone, type ServerError } from './errors';
import { commit, lastChange, readAt, type Doc, type Tables, type Write } from './tables';

interface Tx {
  id: string;
  snapshot: number;
  writes: Map<string, Write>;
}

export interface Injection {
  at: 'write' | 'commit';
  /** Only writes to this collection (writes only). */
  collection?: string;
  /** How many writes or commits to refuse (default 1). */
  times?: number;
}

export interface TxStats {
  started: number;
  committed: number;
  aborted: number;
  conflictsAtWrite: number;
  conflictsAtCommit: number;
}

const rowKey = (collection: string, key: string) => `${collection}\u0000${key}`;

export function createTransactions(tables: Tables) {
  const open = new Map<string, Tx>();
  const locks = new Map<string, string>();
  const injected: Array<Required<Omit<Injection, 'collection'>> & Pick<Injection, 'collection'>> = [];
  const stats: TxStats = { started: 0, committed: 0, aborted: 0, conflictsAtWrite: 0, conflictsAtCommit: 0 };
  let next = 0;

  /** Whether another transaction holds the document, or a commit changed it after `tx` began. */
  function contended(tx: Tx, collection: string, key: string): boolean {
    const holder = locks.get(rowKey(collection, key));
    return (holder !== undefined && holder !== tx.id) || lastChange(tables, collection, key) > tx.snapshot;
  }

  const oldestSnapshot = () => Math.min(Infinity, ...[...open.values()].map((tx) => tx.snapshot));

  function end(tx: Tx): void {
    open.delete(tx.id);
    for (const k of tx.writes.keys()) if (locks.get(k) === tx.id) locks.delete(k);
  }

  function refuse(tx: Tx, where: 'write' | 'commit'): ServerError {
    end(tx);
    stats.aborted += 1;
    if (where === 'write') stats.conflictsAtWrite += 1;
    else stats.conflictsAtCommit += 1;
    return conflict();
  }

  function takeInjected(at: 'write' | 'commit', collection?: string): boolean {
    const i = injected.findIndex(
      (j) => j.at === at && (j.collection === undefined || j.collection === collection),
    );
    if (i < 0) return false;
    const j = injected[i]!;
    j.times -= 1;
    if (j.times <= 0) injected.splice(i, 1);
    return true;
  }

  return {
    stats,
    /** Open transactions: a test can check that none is left behind. */
    openCount: () => open.size,
    /** The oldest snapshot an open transaction reads at, for writes outside transactions to keep. */
    oldestSnapshot,
    inject(injection: Injection): void {
      injected.push({ at: injection.at, collection: injection.collection, times: injection.times ?? 1 });
    },
    begin(): string {
      next += 1;
      const tx: Tx = { id: `tx-${next}`, snapshot: tables.seq, writes: new Map() };
      open.set(tx.id, tx);
      stats.started += 1;
      return tx.id;
    },
    /** The open transaction, or the error for a finished or unknown one. */
    find(id: string): Tx | ServerError {
      return open.get(id) ?? transactionGone(id);
    },
    read(tx: Tx, collection: string, key: string): Doc | null {
      const own = tx.writes.get(rowKey(collection, key));
      return own ? own.doc : readAt(tables, collection, key, tx.snapshot);
    },
    write(tx: Tx, collection: string, key: string, doc: Doc | null): ServerError | null {
      const k = rowKey(collection, key);
      if (takeInjected('write', collection) || contended(tx, collection, key)) return refuse(tx, 'write');
      tx.writes.set(k, { collection, key, doc });
      locks.set(k, tx.id);
      return null;
    },
    commit(tx: Tx): ServerError | null {
      if (takeInjected('commit')) return refuse(tx, 'commit');
      for (const w of tx.writes.values())
        if (lastChange(tables, w.collection, w.key) > tx.snapshot) return refuse(tx, 'commit');
      end(tx);
      if (tx.writes.size > 0) commit(tables, [...tx.writes.values()], oldestSnapshot());
      stats.committed += 1;
      return null;
    },
    abort(tx: Tx): void {
      end(tx);
      stats.aborted += 1;
    },
  };
}

export type Transactions = ReturnType<typeof createTransactions>;
export type { Tx };
