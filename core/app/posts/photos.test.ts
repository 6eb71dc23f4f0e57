/**
 * A post may only name photos this deployment stored for its author (issue 7): the PhotoRefs port decides
 * per photo; anything else is refused with a Chinese message naming the photo, before anything is
 * written or screened. Readers never get a URL for a photo an image check hid.
 */
import { memoryStore } from '../../../tests/app/memory-store';
import type { ContentGuard, Files, PhotoRefs } from '../ports';
import { rid, testArena, users } from '../../../tests/app/arena';

/** Stands in for a host: a photo is yours when it sits in your own folder. */
const folders: PhotoRefs = { owns: async (ref, who) => ref.startsWith(`mine/${who.userId}/`) };

async function arena(photoRefs?: PhotoRefs, extra: { files?: Files; guard?: ContentGuard } = {}) {
  const t = await testArena(memoryStore(), { ports: { ...(photoRefs ? { photoRefs } : {}), ...extra } });
  return { ...t, rep: await t.login(users.repA) };
}

const post = (photos: string[]) => ({ unitId: 'A', text: '现场', photos, requestId: rid() });

describe('post.create: whose photos', () => {
  it('accepts the author’s own uploads and keeps them in order', async () => {
    const t = await arena(folders);
    const photos = ['mine/rep-a/1.jpg', 'mine/rep-a/2.jpg'];
    const { post: created } = await t.expectOk('post.create', post(photos), t.rep);
    expect(created.photos).toEqual(photos);
    expect(created.hiddenPhotos).toBeUndefined();
  });

  it.each([
    ['an outside URL', 'https://elsewhere.example/a.jpg'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['another user’s upload', 'mine/rep-b/1.jpg'],
    ['another environment’s file', 'cloud://other-env.1234/posts/rep-a/1.jpg'],
  ])('refuses %s with INVALID_ARGUMENT naming the photo, and writes and screens nothing', async (_what, bad) => {
    const screened: string[] = [];
    const guard: ContentGuard = { check: async (text) => (screened.push(text), { verdict: 'pass' }) };
    const t = await arena(folders, { guard });
    const version = await t.store.standings.dataVersion('c1');
    const r = await t.call('post.create', post(['mine/rep-a/1.jpg', bad]), t.rep);
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^photos\.1：第 2 张照片不是你在本应用上传的/) },
    });
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toEqual([]);
    expect(await t.store.standings.dataVersion('c1')).toBe(version);
    expect(screened).toEqual([]);
  });

  it('asks the port with who is posting: the user id and, on WeChat, the OPENID', async () => {
    const asked: Array<{ ref: string; userId: string; openid?: string }> = [];
    const t = await arena({ owns: async (ref, who) => (asked.push({ ref, ...who }), true) });
    await t.store.people.putUser({ ...users.repB, openid: 'o-b' });
    await t.expectOk('post.create', { ...post(['x.jpg']), unitId: 'B' }, { openid: 'o-b' });
    expect(asked).toEqual([{ ref: 'x.jpg', userId: users.repB.id, openid: 'o-b' }]);
  });

  it('refuses the same photo twice in one post', async () => {
    const t = await arena(folders);
    const r = await t.call('post.create', post(['mine/rep-a/1.jpg', 'mine/rep-a/1.jpg']), t.rep);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('photos.1') } });
  });

  it('refuses every photo where no host said which are whose, but still takes posts without photos', async () => {
    const t = await arena();
    const r = await t.call('post.create', post(['mine/rep-a/1.jpg']), t.rep);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    await t.expectOk('post.create', post([]), t.rep);
  });
});

describe('the feed: hidden photos', () => {
  it('shows a hidden photo as an empty URL with its index listed, and never asks for its URL', async () => {
    const asked: string[][] = [];
    const files: Files = { urls: async (ids) => (asked.push(ids), new Map(ids.map((id) => [id, `https://tmp/${id}`]))) };
    const t = await arena(folders, { files });
    const { post: created } = await t.expectOk('post.create', post(['mine/rep-a/1.jpg', 'mine/rep-a/2.jpg']), t.rep);
    expect(await t.store.posts.flagPost(created.id, 'mine/rep-a/1.jpg')).toBe(true);
    asked.length = 0;
    const { items } = await t.expectOk('post.list', {}, t.rep);
    expect(items[0]).toMatchObject({ photos: ['', 'https://tmp/mine/rep-a/2.jpg'], hiddenPhotos: [0], flagged: true });
    expect(asked).toEqual([['mine/rep-a/2.jpg']]);
  });
});
