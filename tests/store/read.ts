/**
 * Reading helpers for the Store contract suite: page through a feed, and put figures in a stable
 * order so that two stores (or two reads) can be compared whatever order a store returns them in.
 */
import type { LatestFigure, PostRecord } from '../../core/app/posts/store';
import type { Store } from '../../core/app/store';

/** Every post of a campaign (or a unit), newest first, by following the cursor to the end. */
export async function readAll(store: Store, campaignId: string, limit: number, unitId?: string): Promise<PostRecord[]> {
  const all: PostRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page += 1) {
    const r = await store.posts.listPosts({ campaignId, limit, ...(unitId ? { unitId } : {}), ...(cursor ? { cursor } : {}) });
    all.push(...r.items);
    if (r.nextCursor === null) return all;
    cursor = r.nextCursor;
  }
  throw new Error('listPosts never ended: the cursor keeps returning pages');
}

type Figure = Pick<LatestFigure, 'unitId' | 'metricId'> & { day?: string };
const key = (f: Figure) => `${f.unitId}\u0000${f.metricId}\u0000${f.day ?? ''}`;

/** Figures ordered by unit, metric, day (the port leaves the order of these lists open). */
export function sorted<F extends Figure>(figures: readonly F[]): F[] {
  return [...figures].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A small deterministic generator, so a failing stream can be replayed exactly. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
