/**
 * Which reminders are stored already: their dedupe keys are documents of `notification_keys`
 * (./notifications.ts), so one query of up to 100 ids answers for 100 reminders. The reminder job asks
 * before it writes, so a run after the day's reminders went out costs a few reads, not a transaction each.
 */
import { collections as C, docId } from './collections';
import { PAGE, inBatches } from './reads';
import type { WxDatabase } from './wx-types';

export async function storedDedupeKeys(db: WxDatabase, keys: readonly string[]): Promise<Set<string>> {
  const byId = new Map(keys.map((k) => [docId(k), k]));
  const ids = [...byId.keys()];
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += PAGE) pages.push(ids.slice(i, i + PAGE));
  const found = new Set<string>();
  await inBatches(pages, 5, async (page) => {
    const { data } = await db
      .collection(C.notificationKeys)
      .where({ _id: db.command.in(page) })
      .field({ _id: true })
      .limit(PAGE)
      .get();
    for (const d of data) {
      const key = byId.get(String(d._id));
      if (key !== undefined) found.add(key);
    }
  });
  return found;
}
