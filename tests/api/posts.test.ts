/**
 * post.create through HTTP: who may post, idempotent replays, concurrent posts to one unit, and the
 * leaderboard and unit detail that follow from the posts.
 */
import { requestId, startHarness, type Harness } from './harness';

interface PostOut {
  id: string;
  unitId: string;
  figures: Array<{ metricId: string; value: number; previous: number | null }>;
}
interface Row {
  unitId: string;
  rank: number;
  score: number;
}

const invest = 'm-gj-invest';

describe('post.create over HTTP', () => {
  let h: Harness;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness();
    for (const userId of [
      'demo-reporter-dongcheng',
      'demo-reporter-xicheng',
      'demo-leader-dongcheng',
      'demo-supervisor',
      'demo-leader',
      'demo-admin',
      'demo-reporter-shizhu',
    ]) {
      const login = await h.call('auth.demoLogin', { userId });
      token[userId] = (login.body.data as { token: string }).token;
    }
  });
  afterAll(() => h.stop());

  const create = (userId: string, unitId: string, value: number, id = requestId()) =>
    h.call(
      'post.create',
      { unitId, figures: [{ metricId: invest, value }], text: '现场推进中', requestId: id },
      token[userId],
    );
  const latestValue = async (unitId: string): Promise<number | null> => {
    const detail = await h.call('unit.detail', { unitId }, token['demo-leader']);
    const metrics = (detail.body.data as { metrics: Array<{ metricId: string; value: number | null }> })
      .metrics;
    return metrics.find((m) => m.metricId === invest)?.value ?? null;
  };
  const feed = async (unitId: string, limit = 50) =>
    ((await h.call('post.list', { unitId, limit }, token['demo-leader'])).body.data as { items: PostOut[] })
      .items;

  it.each([
    {
      who: 'a reporter, for their own unit',
      userId: 'demo-reporter-dongcheng',
      unitId: 'u-dongcheng',
      status: 200,
    },
    {
      who: 'a reporter, for another unit',
      userId: 'demo-reporter-xicheng',
      unitId: 'u-dongcheng',
      status: 403,
    },
    {
      who: 'a unit leader, for their own unit',
      userId: 'demo-leader-dongcheng',
      unitId: 'u-dongcheng',
      status: 200,
    },
    {
      who: 'a unit leader, for another unit',
      userId: 'demo-leader-dongcheng',
      unitId: 'u-xicheng',
      status: 403,
    },
    { who: 'a supervisor', userId: 'demo-supervisor', unitId: 'u-dongcheng', status: 403 },
    { who: 'a city leader', userId: 'demo-leader', unitId: 'u-dongcheng', status: 403 },
    { who: 'an admin', userId: 'demo-admin', unitId: 'u-dongcheng', status: 403 },
  ])('$who → $status', async ({ userId, unitId, status }) => {
    const before = (await feed(unitId)).length;
    const value = ((await latestValue(unitId)) ?? 0) + 1;
    const reply = await create(userId, unitId, value);
    expect(reply.status).toBe(status);
    expect((await feed(unitId)).length).toBe(before + (status === 200 ? 1 : 0));
    if (status === 403) expect(reply.body.error?.code).toBe('FORBIDDEN');
  });

  it('a replayed requestId returns the same post and writes nothing', async () => {
    const unitId = 'u-dongcheng';
    const before = await feed(unitId);
    const value = ((await latestValue(unitId)) ?? 0) + 2;
    const id = requestId();
    const first = await create('demo-reporter-dongcheng', unitId, value, id);
    const again = await create('demo-reporter-dongcheng', unitId, value, id);
    // Other content under the same id is refused (409), not replayed: it would be silently dropped.
    const other = await create('demo-reporter-dongcheng', unitId, value + 5, id);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(other.status).toBe(409);
    expect((again.body.data as { post: PostOut }).post).toEqual((first.body.data as { post: PostOut }).post);
    const after = await feed(unitId);
    expect(after.length).toBe(before.length + 1);
    expect(after[0]?.id).toBe((first.body.data as { post: PostOut }).post.id);
    expect(await latestValue(unitId)).toBe(value);
  });

  it('20 concurrent posts to one unit lose no update: each previous is the one before it', async () => {
    const unitId = 'u-shizhu';
    const base = ((await latestValue(unitId)) ?? 0) + 1;
    const before = (await feed(unitId)).length;
    // Two people of one unit post at once; each reports what they count, not knowing the other.
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create('demo-reporter-shizhu', unitId, base + i * 0.5)),
    );
    const posts = replies.map((r) => {
      expect(r.status === 200 || r.status === 409).toBe(true);
      return r.status === 200 ? (r.body.data as { post: PostOut }).post : null;
    });
    const accepted = posts.filter((p): p is PostOut => p !== null);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    const items = await feed(unitId);
    expect(items.length).toBe(before + accepted.length);
    // The stored order is a chain: every accepted post saw the previous accepted value.
    const chain = items.slice(0, accepted.length).reverse();
    for (let i = 1; i < chain.length; i++)
      expect(chain[i]?.figures[0]?.previous).toBe(chain[i - 1]?.figures[0]?.value);
    expect(await latestValue(unitId)).toBe(chain[chain.length - 1]?.figures[0]?.value);
  });

  it('20 concurrent rising posts to one unit are all stored, and the latest is the last acknowledged', async () => {
    const unitId = 'u-dongcheng';
    const before = (await feed(unitId)).length;
    const latestBefore = await latestValue(unitId);
    const base = (latestBefore ?? 0) + 1;
    // The same value from all 20 never lowers a running total, so every post must be accepted.
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => create('demo-reporter-dongcheng', unitId, base)),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    const ids = new Set(replies.map((r) => (r.body.data as { post: PostOut }).post.id));
    expect(ids.size).toBe(20);
    const items = await feed(unitId);
    expect(items.length).toBe(before + 20);
    expect(new Set(items.slice(0, 20).map((p) => p.id))).toEqual(ids);
    const chain = items.slice(0, 20).reverse();
    expect(chain[0]?.figures[0]?.previous).toBe(latestBefore);
    for (let i = 1; i < 20; i++) expect(chain[i]?.figures[0]?.previous).toBe(base);
    expect(await latestValue(unitId)).toBe(base);
  });

  it('the leaderboard changes after a post', async () => {
    const board = async () =>
      (
        (await h.call('board.leaderboard', { division: '乡镇街道' }, token['demo-leader'])).body.data as {
          rows: Row[];
        }
      ).rows;
    const before = await board();
    const unitId = 'u-xicheng';
    const row = before.find((r) => r.unitId === unitId);
    expect(row).toBeDefined();
    const reply = await create('demo-reporter-xicheng', unitId, 1.4); // its whole 18.2-亿 share: 100%
    expect(reply.status).toBe(200);
    const after = await board();
    const moved = after.find((r) => r.unitId === unitId);
    expect(moved?.score).toBeGreaterThan(row?.score ?? Infinity);
    expect(moved?.rank).toBeLessThanOrEqual(row?.rank ?? 0);
  });

  it('unit.detail answers 404 for an unknown unit and the standing for a known one', async () => {
    const unknown = await h.call('unit.detail', { unitId: 'u-atlantis' }, token['demo-leader']);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('NOT_FOUND');
    const known = await h.call('unit.detail', { unitId: 'u-fangyan' }, token['demo-leader']);
    expect(known.status).toBe(200);
    expect((known.body.data as { standing: Row }).standing.unitId).toBe('u-fangyan');
  });
});
