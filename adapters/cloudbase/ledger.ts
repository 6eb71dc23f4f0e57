/**
 * The assessment ledger on the cloud database: append-only. An entry's `_id` is its id (`deduct:…`,
 * `reverse:…`, made from what it is about), so appending one is a single insert that the server refuses
 * when the id is taken — a second run of the campaign's end job adds nothing and edits nothing — and no
 * entry is ever updated.
 */
import type { LedgerRecord } from '../../core/app/reviews/store';
import { collections as C, docId } from './collections';
import { inBatches } from './reads';
import { stamped } from './schema';
import { isDuplicate, order, readAllCurrent, readCurrent } from './task-docs';
import type { WxDatabase } from './wx-types';

/** The entry as stored after trying to add it, and whether this call added it. */
async function appendOne(
  db: WxDatabase,
  entry: LedgerRecord,
): Promise<{ stored: LedgerRecord; added: boolean }> {
  const id = docId(entry.id);
  try {
    await db
      .collection(C.ledger)
      .add({ data: stamped({ _id: id, campaignId: entry.campaignId, record: entry }) });
    return { stored: entry, added: true };
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  const first = await readCurrent(C.ledger, db.collection(C.ledger).doc(id));
  if (!first) throw new Error(`ledger entry ${id} refused as taken but not found`);
  return { stored: first.record as LedgerRecord, added: false };
}

export async function appendLedger(
  db: WxDatabase,
  entries: readonly LedgerRecord[],
): Promise<{ entries: LedgerRecord[]; added: string[] }> {
  const results: Array<{ stored: LedgerRecord; added: boolean }> = [];
  await inBatches(
    entries.map((entry, at) => ({ entry, at })),
    10,
    async ({ entry, at }) => {
      results[at] = await appendOne(db, entry);
    },
  );
  // In the order given, however the inserts of a batch interleaved.
  return {
    entries: results.map((r) => r.stored),
    added: results.filter((r) => r.added).map((r) => r.stored.id),
  };
}

/** Oldest first, by `at` then id (a campaign's deductions and reversals: read whole, sorted here). */
export async function listLedger(db: WxDatabase, campaignId: string): Promise<LedgerRecord[]> {
  const docs = await readAllCurrent(db, C.ledger, { campaignId });
  return docs.map((d) => d.record as LedgerRecord).sort((a, b) => a.at - b.at || order(a.id, b.id));
}
