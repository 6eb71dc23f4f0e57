/**
 * Store contract cases for the posts slice's image checks (issue 7): a check's trace id finds its post and photo again; a
 * risky verdict hides one photo (kept, not deleted) and flags the post; flagging alone; refusals that
 * write nothing; two verdicts on one post at once both land; standings are not touched.
 */
import type { PhotoCheckRecord } from '../../core/app/posts/store';
import type { Store } from '../../core/app/store';
import type { SuiteContext } from './suite';
import { C1, M, U, campaignData, commitOk, draft } from './fixtures';

const P1 = 'cloud://env-1.7465/posts/user-a1/1.jpg';
const P2 = 'cloud://env-1.7465/posts/user-a1/2.jpg';
const P3 = 'cloud://env-1.7465/posts/user-a1/3.jpg';

const check = (traceId: string, postId: string, photo: string, at = 1_760_000_000_000): PhotoCheckRecord => ({
  traceId,
  postId,
  photo,
  createdAt: at,
});

async function postWithPhotos(store: Store, requestId = 'req-photo-1') {
  return commitOk(
    store,
    draft({ unitId: U.a1, day: '2025-03-03', requestId, text: '现场照片', photos: [P1, P2, P3], figures: [{ metricId: M.invest, value: 1 }] }),
  );
}

const feed = async (store: Store) => (await store.posts.listPosts({ campaignId: C1, limit: 10 })).items;

export const postPhotoCaseIds = [
  'photos.checks',
  'photos.hide',
  'photos.flagOnly',
  'photos.refused',
  'photos.concurrent',
] as const;

export function postPhotoCases({ it, store }: SuiteContext): void {
  describe('photo checks', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
    });

    it('photos.checks', 'a check is found again by its trace id; an unknown one is null; the same id again replaces it', async () => {
      const post = await postWithPhotos(store());
      await store().posts.addPhotoChecks([check('t-1', post.id, P1), check('t-2', post.id, P2)]);
      await store().posts.addPhotoChecks([]);
      expect(await store().posts.getPhotoCheck('t-1')).toEqual(check('t-1', post.id, P1));
      expect(await store().posts.getPhotoCheck('t-2')).toEqual(check('t-2', post.id, P2));
      expect(await store().posts.getPhotoCheck('t-none')).toBeNull();
      await store().posts.addPhotoChecks([check('t-1', post.id, P3, 1_760_000_060_000)]);
      expect(await store().posts.getPhotoCheck('t-1')).toEqual(check('t-1', post.id, P3, 1_760_000_060_000));
    });

    it('photos.hide', 'hiding a photo keeps it in the post, lists it as hidden, flags the post, and leaves standings alone', async () => {
      const post = await postWithPhotos(store());
      const version = await store().standings.dataVersion(C1);
      expect(await store().posts.flagPost(post.id, P2)).toBe(true);
      const [stored] = await feed(store());
      expect(stored).toEqual({ ...post, flagged: true, hiddenPhotos: [P2] });
      // Again: nothing changes; another photo joins the first.
      expect(await store().posts.flagPost(post.id, P2)).toBe(true);
      expect(await store().posts.flagPost(post.id, P1)).toBe(true);
      expect((await feed(store()))[0]).toEqual({ ...post, flagged: true, hiddenPhotos: [P2, P1] });
      expect(await store().standings.dataVersion(C1)).toBe(version);
      // A retried request answers with the post as it is now.
      // (With the same content: other content under a used requestId is refused, commit.reusedRequest.)
      const retry = draft({ unitId: U.a1, day: '2025-03-03', requestId: 'req-photo-1', text: '现场照片', photos: [P1, P2, P3], figures: [{ metricId: M.invest, value: 1 }] });
      const replay = await store().posts.commitPost(retry, () => ({ ok: true, figures: [] }));
      expect(replay).toMatchObject({ ok: true, replayed: true, post: { id: post.id, flagged: true, hiddenPhotos: [P2, P1] } });
    });

    it('photos.flagOnly', 'flagging without a photo flags the post and hides nothing', async () => {
      const post = await postWithPhotos(store());
      const other = await postWithPhotos(store(), 'req-photo-2');
      expect(await store().posts.flagPost(post.id)).toBe(true);
      const byId = new Map((await feed(store())).map((p) => [p.id, p]));
      expect(byId.get(post.id)).toEqual({ ...post, flagged: true });
      expect(byId.get(other.id)).toEqual(other);
    });

    it('photos.refused', 'an unknown post, or a photo the post does not have, is refused and writes nothing', async () => {
      const post = await postWithPhotos(store());
      expect(await store().posts.flagPost('no-such-post', P1)).toBe(false);
      expect(await store().posts.flagPost('no-such-post')).toBe(false);
      expect(await store().posts.flagPost(post.id, 'cloud://env-1.7465/posts/user-b1/x.jpg')).toBe(false);
      expect(await feed(store())).toEqual([post]);
    });

    it('photos.concurrent', 'verdicts on two photos of one post at once both hide their photo', async () => {
      const post = await postWithPhotos(store());
      expect(await Promise.all([store().posts.flagPost(post.id, P1), store().posts.flagPost(post.id, P3)])).toEqual([true, true]);
      const [stored] = await feed(store());
      expect(stored?.flagged).toBe(true);
      expect([...(stored?.hiddenPhotos ?? [])].sort()).toEqual([P1, P3]);
      expect(stored?.photos).toEqual([P1, P2, P3]);
    });
  });
}
