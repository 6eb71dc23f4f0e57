/**
 * Image checks that answer later (issue 7): each photo of a new post is submitted and its trace id
 * recorded; a photo that could not be submitted flags the post; a risky verdict hides its photo and flags
 * the post, review flags, pass changes nothing, and a trace this deployment never started changes nothing.
 */
import { memoryStore } from '../../../tests/app/memory-store';
import { applyPhotoVerdict } from './photo-checks';
import type { PhotoGuard } from '../ports';
import { rid, testArena, users } from '../../../tests/app/arena';

const P = ['mine/1.jpg', 'mine/2.jpg'];

async function arena(photoGuard: PhotoGuard) {
  const entries: Array<Record<string, unknown>> = [];
  const t = await testArena(memoryStore(), {
    ports: { photoGuard, photoRefs: { owns: async (ref) => ref.startsWith('mine/') } },
    log: (e) => void entries.push(e),
  });
  await t.store.people.putUser({ ...users.repA, openid: 'o-a' });
  const caller = { openid: 'o-a' };
  const create = (photos = P, requestId = rid()) =>
    t.expectOk('post.create', { unitId: 'A', text: '现场', photos, requestId }, caller);
  const feed = async () => (await t.expectOk('post.list', {}, caller)).items;
  return { ...t, entries, create, feed };
}

/** Submits every photo and names its trace after it. */
const traced = (submitted: string[][] = []): PhotoGuard => ({
  submit: async (photos, who) => {
    submitted.push([who.openid ?? '-', ...photos]);
    return photos.map((photo) => ({ photo, traceId: `trace:${photo}` }));
  },
});

describe('starting image checks', () => {
  it('submits each photo of a new post with the author’s OPENID and records its trace; a replay submits nothing', async () => {
    const submitted: string[][] = [];
    const t = await arena(traced(submitted));
    const requestId = rid();
    const { post } = await t.create(P, requestId);
    expect(post.flagged).toBeUndefined();
    expect(submitted).toEqual([['o-a', ...P]]);
    expect(await t.store.posts.getPhotoCheck('trace:mine/2.jpg')).toEqual({
      traceId: 'trace:mine/2.jpg',
      postId: post.id,
      photo: 'mine/2.jpg',
      createdAt: t.deps.clock.now(),
    });
    await t.create(P, requestId);
    expect(submitted).toHaveLength(1);
  });

  it('does not submit a post without photos', async () => {
    const submitted: string[][] = [];
    const t = await arena(traced(submitted));
    await t.create([]);
    expect(submitted).toEqual([]);
  });

  it.each([
    ['one photo could not be submitted', (async (photos) => [{ photo: photos[0]!, traceId: 't-1' }]) as PhotoGuard['submit']],
    ['the check is unreachable', (async () => Promise.reject(new Error('mediaCheckAsync timeout'))) as PhotoGuard['submit']],
  ])('publishes flagged, and logs, when %s', async (_why, submit) => {
    const t = await arena({ submit });
    const { post } = await t.create();
    expect(post.flagged).toBe(true);
    expect((await t.feed())[0]).toMatchObject({ id: post.id, flagged: true, photos: P });
    expect(t.entries.some((e) => e.level === 'warn' || e.level === 'error')).toBe(true);
  });
});

describe('a verdict coming back', () => {
  it('risky: hides that photo (kept in the store) and flags the post', async () => {
    const t = await arena(traced());
    const { post } = await t.create();
    expect(await applyPhotoVerdict(t.deps, { traceId: 'trace:mine/2.jpg', suggest: 'risky', label: 20002 })).toBe('hidden');
    expect((await t.feed())[0]).toMatchObject({ id: post.id, flagged: true, photos: ['mine/1.jpg', ''], hiddenPhotos: [1] });
    const [stored] = (await t.store.posts.listPosts({ campaignId: 'c1', limit: 1 })).items;
    expect(stored?.photos).toEqual(P);
  });

  it('review: flags the post and hides nothing; pass: changes nothing', async () => {
    const t = await arena(traced());
    await t.create();
    expect(await applyPhotoVerdict(t.deps, { traceId: 'trace:mine/1.jpg', suggest: 'pass' })).toBe('passed');
    expect((await t.feed())[0]?.flagged).toBeUndefined();
    expect(await applyPhotoVerdict(t.deps, { traceId: 'trace:mine/1.jpg', suggest: 'review' })).toBe('flagged');
    const [shown] = await t.feed();
    expect(shown).toMatchObject({ flagged: true, photos: P });
    expect(shown?.hiddenPhotos).toBeUndefined();
  });

  it('a trace this deployment never started changes nothing', async () => {
    const t = await arena(traced());
    await t.create();
    const before = await t.feed();
    expect(await applyPhotoVerdict(t.deps, { traceId: 'trace:forged', suggest: 'risky' })).toBe('unknown');
    expect(await t.feed()).toEqual(before);
  });
});
