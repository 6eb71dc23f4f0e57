/**
 * Photos in posts on the self-hosted server (issue 7): a post may carry only the author's own uploads from
 * `POST /api/files`. An outside URL, `javascript:`, another user's upload or a name that was never uploaded
 * is refused with INVALID_ARGUMENT in Chinese, and nothing is written. The local guard checks no images:
 * a photo stays as posted.
 */
import { chinese, requestId, startHarness, type Harness } from './harness';

let h: Harness;
const token: Record<string, string> = {};
const me = 'demo-reporter-dongcheng';
const neighbour = 'demo-reporter-xicheng';

beforeAll(async () => {
  h = await startHarness();
  for (const userId of [me, neighbour]) token[userId] = await h.sessionFor(userId);
});
afterAll(() => h.stop());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function upload(userId: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'site.png');
  const res = await h.raw('/api/files', { method: 'POST', body: form, headers: { authorization: `Bearer ${token[userId]}` } });
  return ((await res.json()) as { data: { url: string } }).data.url;
}

const post = (photos: string[], userId = me, unitId = 'u-dongcheng') =>
  h.call('post.create', { unitId, text: '项目现场', photos, requestId: requestId() }, token[userId]);

const feedSize = async () =>
  ((await h.call('post.list', { limit: 50 }, token[me])).body.data as { items: unknown[] }).items.length;

it('a reporter posts their own uploads, and the feed serves them as posted', async () => {
  const photos = [await upload(me), await upload(me)];
  const r = await post(photos);
  expect(r.status).toBe(200);
  expect(r.body.data).toMatchObject({ post: { photos } });
  const feed = (await h.call('post.list', { unitId: 'u-dongcheng', limit: 1 }, token[me])).body.data as {
    items: Array<{ photos: string[]; hiddenPhotos?: number[] }>;
  };
  expect(feed.items[0]?.photos).toEqual(photos);
  expect(feed.items[0]?.hiddenPhotos).toBeUndefined();
  expect((await h.raw(photos[0]!)).status).toBe(200);
});

it.each([
  ['an outside URL', async () => 'https://elsewhere.example/site.png'],
  ['a javascript: URL', async () => 'javascript:alert(document.cookie)'],
  ['another user’s upload', () => upload(neighbour)],
  ['a name that was never uploaded', async () => (await upload(me)).replace(/[0-9a-f]{32}\./, `${'0'.repeat(32)}.`)],
])('refuses %s with INVALID_ARGUMENT in Chinese, and writes nothing', async (_what, make) => {
  const bad = await make();
  const own = await upload(me);
  const before = await feedSize();
  const health = (await (await h.raw('/healthz')).json()) as { dataVersion: number };
  const r = await post([own, bad]);
  expect(r.status).toBe(400);
  expect(r.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^photos\.1：/) });
  expect(r.body.error?.message).toMatch(chinese);
  expect(await feedSize()).toBe(before);
  expect(((await (await h.raw('/healthz')).json()) as { dataVersion: number }).dataVersion).toBe(health.dataVersion);
});

it('the owner of an upload may post it; the uploader’s neighbour may not, even for their own unit', async () => {
  const theirs = await upload(neighbour);
  expect((await post([theirs], me)).status).toBe(400);
  expect((await post([theirs], neighbour, 'u-xicheng')).status).toBe(200);
});
