/**
 * Store contract cases for the posts slice's feed: order, unit filter, cursor paging, campaigns apart.
 */
import type { PostRecord } from '../../core/app/posts/store';
import type { SuiteContext } from './suite';
import { C1, C2, M, U, campaignData, commitOk, draft } from './fixtures';
import { readAll } from './read';

const ids = (posts: PostRecord[]) => posts.map((p) => p.id);
const two = (n: number) => String(n).padStart(2, '0');

export const postFeedCaseIds = [
  'list.newestFirst',
  'list.ties',
  'list.byUnit',
  'list.paging',
  'list.short',
  'list.isolated',
] as const;

export function postFeedCases({ it, store }: SuiteContext): void {
  describe('listPosts', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
    });

    const post = (requestId: string, day: string, time: string, unitId: string = U.a1) =>
      commitOk(store(), draft({ unitId, day, time, requestId, figures: [{ metricId: M.signed, value: 1 }] }));

    it('list.newestFirst', 'the feed is newest first by the time posted, not by the order written', async () => {
      const noon = await post('r-noon', '2025-03-03', '12:00');
      const morning = await post('r-morning', '2025-03-03', '08:00');
      const nextDay = await post('r-next', '2025-03-04', '07:00');
      const evening = await post('r-evening', '2025-03-03', '20:30');
      const { items } = await store().posts.listPosts({ campaignId: C1, limit: 10 });
      expect(ids(items)).toEqual(ids([nextDay, evening, noon, morning]));
    });

    it('list.ties', 'posts with the same time are listed newest written first', async () => {
      const first = await post('r-1', '2025-03-03', '09:00');
      const second = await post('r-2', '2025-03-03', '09:00', U.b1);
      const third = await post('r-3', '2025-03-03', '09:00');
      const earlier = await post('r-0', '2025-03-03', '08:59');
      const { items } = await store().posts.listPosts({ campaignId: C1, limit: 10 });
      expect(ids(items)).toEqual(ids([third, second, first, earlier]));
    });

    it('list.byUnit', 'a unit’s feed holds only its posts, newest first, across pages', async () => {
      const mine: PostRecord[] = [];
      for (let i = 0; i < 12; i += 1) {
        const p = await post(`r-${i}`, '2025-03-03', `10:${two(i)}`, i % 3 === 0 ? U.a1 : U.a2);
        if (i % 3 === 0) mine.unshift(p);
      }
      expect(await readAll(store(), C1, 3, U.a1)).toEqual(mine);
      expect((await store().posts.listPosts({ campaignId: C1, unitId: U.b2, limit: 5 })).items).toEqual([]);
    });

    it('list.paging', '45 posts read 20 at a time come as 20, 20 and 5, with no duplicate and no gap', async () => {
      const written: Array<{ post: PostRecord; minute: number; order: number }> = [];
      for (let i = 0; i < 45; i += 1) {
        const minute = (i * 7) % 15; // three posts share each minute, written out of time order
        written.push({ post: await post(`r-${i}`, '2025-03-05', `14:${two(minute)}`, i % 2 ? U.a1 : U.b1), minute, order: i });
      }
      const expected = written.sort((a, b) => b.minute - a.minute || b.order - a.order).map((w) => w.post);

      const p1 = await store().posts.listPosts({ campaignId: C1, limit: 20 });
      expect(p1.nextCursor).not.toBeNull();
      const p2 = await store().posts.listPosts({ campaignId: C1, limit: 20, cursor: p1.nextCursor ?? undefined });
      expect(p2.nextCursor).not.toBeNull();
      const p3 = await store().posts.listPosts({ campaignId: C1, limit: 20, cursor: p2.nextCursor ?? undefined });
      expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([20, 20, 5]);
      expect(p3.nextCursor).toBeNull();
      expect([...p1.items, ...p2.items, ...p3.items]).toEqual(expected);
      expect(new Set(ids([...p1.items, ...p2.items, ...p3.items])).size).toBe(45);
    });

    it('list.short', 'a page shorter than the limit is the last one', async () => {
      await post('r-1', '2025-03-03', '09:00');
      await post('r-2', '2025-03-03', '10:00');
      const page = await store().posts.listPosts({ campaignId: C1, limit: 20 });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeNull();
      expect(await store().posts.listPosts({ campaignId: C1, unitId: U.b2, limit: 20 })).toEqual({ items: [], nextCursor: null });
    });

    it('list.isolated', 'one campaign’s posts and figures never show in another', async () => {
      await store().campaigns.saveCampaign(campaignData(C2));
      const mine = await post('r-1', '2025-03-03', '09:00');
      await commitOk(store(), draft({ campaignId: C2, unitId: U.a1, day: '2025-03-03', requestId: 'r-2', figures: [{ metricId: M.signed, value: 9 }] }));
      expect(ids(await readAll(store(), C1, 1))).toEqual([mine.id]);
      expect(ids(await readAll(store(), C1, 1, U.a1))).toEqual([mine.id]);
      const figure = { unitId: U.a1, metricId: M.signed, day: '2025-03-03' };
      expect(await store().standings.latestFigures(C1)).toEqual([{ ...figure, value: 1 }]);
      expect(await store().standings.latestFigures(C2)).toEqual([{ ...figure, value: 9 }]);
      expect(await store().standings.figuresAsOf(C1, '2025-03-31')).toEqual([{ ...figure, value: 1 }]);
      expect(await store().standings.unitDailyFigures(C2, U.a1)).toEqual([{ ...figure, value: 9 }]);
    });
  });
}
