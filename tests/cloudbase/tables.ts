/**
 * The server's memory: collections of documents, each document a short history of committed versions
 * (sequence number, content or null when removed), so that a transaction can read the database as it was
 * when the transaction began while other writes commit. Versions no open transaction can still see are
 * dropped at the next write of the document.
 */
export type Doc = Record<string, unknown>;

interface Version {
  seq: number;
  doc: Doc | null;
}

export interface Tables {
  /** The last committed sequence number. */
  seq: number;
  collections: Map<string, Map<string, Version[]>>;
}

export interface Write {
  collection: string;
  key: string;
  doc: Doc | null;
}

/** Ids of any JSON type map to distinct keys: `1` and `'1'` are two documents, as in MongoDB. */
export const keyOf = (id: unknown): string => JSON.stringify(id);

export function createTables(names: readonly string[]): Tables {
  return { seq: 0, collections: new Map(names.map((n) => [n, new Map()])) };
}

const versionAt = (history: Version[] | undefined, at: number): Version | undefined => {
  if (!history) return undefined;
  for (let i = history.length - 1; i >= 0; i -= 1) if (history[i]!.seq <= at) return history[i];
  return undefined;
};

/** The document as of commit `at` (default: the latest). */
export function readAt(t: Tables, collection: string, key: string, at = t.seq): Doc | null {
  return versionAt(t.collections.get(collection)?.get(key), at)?.doc ?? null;
}

/** The sequence number of the document's last committed change (0: never written). */
export function lastChange(t: Tables, collection: string, key: string): number {
  const history = t.collections.get(collection)?.get(key);
  return history?.[history.length - 1]?.seq ?? 0;
}

/** Every document of a collection as of `at`, in the order they were first written. */
export function liveAt(t: Tables, collection: string, at = t.seq): Doc[] {
  const out: Doc[] = [];
  for (const history of t.collections.get(collection)?.values() ?? []) {
    const doc = versionAt(history, at)?.doc;
    if (doc) out.push(doc);
  }
  return out;
}

/**
 * Applies writes as one commit. `oldestSnapshot` is the earliest sequence an open transaction reads at:
 * older versions it can no longer need are dropped.
 */
export function commit(t: Tables, writes: readonly Write[], oldestSnapshot: number): number {
  t.seq += 1;
  for (const { collection, key, doc } of writes) {
    const rows = t.collections.get(collection);
    if (!rows) throw new Error(`emulator: commit to missing collection ${collection}`);
    const history = rows.get(key) ?? [];
    history.push({ seq: t.seq, doc });
    while (history.length > 1 && history[1]!.seq <= oldestSnapshot) history.shift();
    rows.set(key, history);
  }
  return t.seq;
}
