/** Photos on the self-hosted server, through the mounted route: upload as a signed-in user, read back, refuse non-images. */
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

// The 8-byte PNG signature followed by an IHDR chunk header is enough for a content check.
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

const upload = (bytes: Buffer, name: string, token?: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return h.raw('/api/files', { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
};

it('a signed-in reporter uploads a photo and anyone can load it by the returned URL', async () => {
  const token = await h.sessionFor('demo-reporter-dongcheng');
  const res = await upload(png, 'site.png', token);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: boolean; data: { url: string } };
  expect(body.data.url).toMatch(/^\/files\//);
  const back = await h.raw(body.data.url);
  expect(back.status).toBe(200);
  expect(Buffer.from(await back.arrayBuffer()).equals(png)).toBe(true);
});

it('refuses an upload without a session, and a text file named like a photo', async () => {
  expect((await upload(png, 'site.png')).status).toBe(401);
  const token = await h.sessionFor('demo-reporter-dongcheng');
  const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'photo.jpg', token);
  expect(fake.status).toBe(415);
  expect(((await fake.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/);
});
