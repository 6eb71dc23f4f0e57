import { memoryStore } from '../../../tests/app/memory-store';
import { createLocalGuard } from '../../../adapters/node/guard';
import type { ContentGuard, Files } from '../ports';
import { rid, testArena, users } from '../../../tests/app/arena';

const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);

async function arena(guard: ContentGuard, files?: Files) {
  const entries: Array<Record<string, unknown>> = [];
  const t = await testArena(memoryStore(), {
    // Any photo counts as the poster's own here: ./photos.test.ts tests that rule.
    ports: { guard, photoRefs: { owns: async () => true }, ...(files ? { files } : {}) },
    log: (e) => void entries.push(e),
  });
  return { ...t, entries, rep: await t.login(users.repA) };
}

describe('post.create with a content guard', () => {
  const guard = createLocalGuard({ risky: ['代开发票'], review: ['赌博'] });

  it('refuses risky text and writes nothing: no post, no figure, no version bump', async () => {
    const t = await arena(guard);
    const version = await t.store.standings.dataVersion('c1');
    const r = await t.call(
      'post.create',
      { unitId: 'A', figures: [{ metricId: 'm-invest', value: 2 }], text: '可代开发票', requestId: rid() },
      t.rep,
    );
    expect(errorOf(r)).toEqual({ code: 'INVALID_ARGUMENT', message: '内容含有不适宜发布的信息，请修改后再发' });
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 5 })).items).toEqual([]);
    expect(await t.store.standings.latestFigures('c1')).toEqual([]);
    expect(await t.store.standings.dataVersion('c1')).toBe(version);
  });

  it('publishes text for review flagged, and the feed shows the flag', async () => {
    const t = await arena(guard);
    const { post } = await t.expectOk('post.create', { unitId: 'A', text: '开展打击赌博专项行动', requestId: rid() }, t.rep);
    expect(post.flagged).toBe(true);
    const clean = await t.expectOk('post.create', { unitId: 'A', text: '项目开工', requestId: rid() }, t.rep);
    expect(clean.post.flagged).toBeUndefined();
    const feed = await t.expectOk('post.list', {}, t.rep);
    expect(feed.items.map((p) => p.flagged)).toEqual([undefined, true]);
  });

  it('does not ask the guard about a post with figures only, and passes it who is posting', async () => {
    const seen: Array<{ text: string; userId: string; openid?: string }> = [];
    const t = await arena({ check: async (text, who) => (seen.push({ text, ...who }), { verdict: 'pass' }) });
    await t.expectOk('post.create', { unitId: 'A', figures: [{ metricId: 'm-invest', value: 1 }], requestId: rid() }, t.rep);
    await t.store.people.putUser({ ...users.repB, openid: 'o-b' });
    await t.expectOk('post.create', { unitId: 'B', text: '进展顺利', requestId: rid() }, { openid: 'o-b' });
    expect(seen).toEqual([{ text: '进展顺利', userId: users.repB.id, openid: 'o-b' }]);
  });

  it('publishes flagged, and logs, when the guard itself fails', async () => {
    const t = await arena({ check: async () => Promise.reject(new Error('msgSecCheck timeout')) });
    const { post } = await t.expectOk('post.create', { unitId: 'A', text: '正常的进展', requestId: rid() }, t.rep);
    expect(post.flagged).toBe(true);
    expect(t.entries).toContainEqual(expect.objectContaining({ level: 'error', error: 'msgSecCheck timeout' }));
  });
});

describe('photos through the Files port', () => {
  const files: Files = { urls: async (ids) => new Map(ids.filter((id) => id.startsWith('cloud://')).map((id) => [id, `https://tmp.example/${id.slice(8)}`])) };

  it('shows readers URLs for file ids, and ids it has no URL for as they are', async () => {
    const t = await arena({ check: async () => ({ verdict: 'pass' }) }, files);
    const { post } = await t.expectOk('post.create', { unitId: 'A', text: '现场', photos: ['cloud://env/p1.jpg', '/uploads/p2.jpg'], requestId: rid() }, t.rep);
    expect(post.photos).toEqual(['https://tmp.example/env/p1.jpg', '/uploads/p2.jpg']);
    expect((await t.expectOk('post.list', {}, t.rep)).items[0]?.photos).toEqual(post.photos);
    expect((await t.store.posts.listPosts({ campaignId: 'c1', limit: 1 })).items[0]?.photos).toEqual(['cloud://env/p1.jpg', '/uploads/p2.jpg']);
  });

  it('falls back to the ids when the port fails', async () => {
    const t = await arena({ check: async () => ({ verdict: 'pass' }) }, { urls: async () => Promise.reject(new Error('down')) });
    await t.expectOk('post.create', { unitId: 'A', text: '现场', photos: ['cloud://env/p1.jpg'], requestId: rid() }, t.rep);
    expect((await t.expectOk('post.list', {}, t.rep)).items[0]?.photos).toEqual(['cloud://env/p1.jpg']);
  });
});
