/**
 * Each error code of the contract, reached through HTTP: status, envelope, and a Chinese message that
 * says what to fix. Nothing a client sends may turn into a 500.
 */
import { chinese, requestId, startHarness, type Harness, type Reply } from './harness';

const reporter = 'demo-reporter-dongcheng';
const unitId = 'u-dongcheng';
const invest = 'm-gj-invest';

function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, ok: reply.body.ok, code: reply.body.error?.code }).toEqual({
    status,
    ok: false,
    code,
  });
  expect(reply.body.error?.message).toMatch(chinese);
}

describe('API errors (demo mode on)', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    const login = await h.call('auth.demoLogin', { userId: reporter });
    token = (login.body.data as { token: string }).token;
  });
  afterAll(() => h.stop());

  const post = (data: Record<string, unknown>, t: string | null = token) =>
    h.call('post.create', { unitId, figures: [], text: '测试', requestId: requestId(), ...data }, t);

  it('401 without a token, with an unknown token and with a non-Bearer header', async () => {
    expectError(await h.call('me.get', {}), 401, 'UNAUTHENTICATED');
    expectError(await h.call('me.get', {}, 'no-such-token'), 401, 'UNAUTHENTICATED');
    const res = await h.raw('/api/arena', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${token}` },
      body: JSON.stringify({ action: 'me.get', data: {} }),
    });
    expect(res.status).toBe(401);
  });

  it('400 for malformed JSON, an empty body and a body that is not an object — never 500', async () => {
    for (const body of ['{"action": "me.get",', '', '[1,2]', '"me.get"', 'null']) {
      const res = await h.raw('/api/arena', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
      });
      const json = (await res.json()) as Reply['body'];
      expectError({ status: res.status, body: json }, 400, 'INVALID_ARGUMENT');
    }
  });

  it('400 when data or a field has the wrong type', async () => {
    expectError(await h.call('me.get', 'not an object', token), 400, 'INVALID_ARGUMENT');
    expectError(await h.call('post.list', { limit: 'ten' }, token), 400, 'INVALID_ARGUMENT');
    expectError(await h.call('post.list', { limit: 51 }, token), 400, 'INVALID_ARGUMENT');
    expectError(await post({ figures: [{ metricId: invest, value: 'abc' }] }), 400, 'INVALID_ARGUMENT');
    expectError(await post({ text: 42 }), 400, 'INVALID_ARGUMENT');
    expectError(await post({ requestId: 'short' }), 400, 'INVALID_ARGUMENT');
  });

  it('400 for bad figures: negative, above 1e9, unknown metric, unassigned metric, twice in one post', async () => {
    const cases = [
      [{ metricId: invest, value: -1 }],
      [{ metricId: invest, value: 2e9 }],
      [{ metricId: 'm-no-such', value: 1 }],
      [{ metricId: 'm-gj-town-invest', value: 1 }], // a 小镇 metric: 东城街道 has no target on it
      [
        { metricId: invest, value: 1 },
        { metricId: invest, value: 2 },
      ],
    ];
    for (const figures of cases) expectError(await post({ figures }), 400, 'INVALID_ARGUMENT');
    expectError(await post({ figures: [], text: '' }), 400, 'INVALID_ARGUMENT');
    expectError(await post({ text: '字'.repeat(2001) }), 400, 'INVALID_ARGUMENT');
  });

  it('404 for an unknown action, an unknown unit and an unknown API path', async () => {
    expectError(await h.call('post.delete', {}, token), 404, 'NOT_FOUND');
    expectError(await h.call('unit.detail', { unitId: 'u-nowhere' }, token), 404, 'NOT_FOUND');
    expectError(await h.call('post.list', { unitId: 'u-nowhere' }, token), 404, 'NOT_FOUND');
    const res = await h.raw('/api/other', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Reply['body']).error?.code).toBe('NOT_FOUND');
  });

  it('409 when a running total goes down without a reason, 200 with one (a recorded correction)', async () => {
    const up = await post({ figures: [{ metricId: invest, value: 50 }] });
    expect(up.status).toBe(200);
    const down = await post({ figures: [{ metricId: invest, value: 40 }] });
    expectError(down, 409, 'CONFLICT');
    expect(down.body.error?.message).toContain('更正原因');
    const corrected = await post({
      figures: [{ metricId: invest, value: 40 }],
      correctionReason: '重复计入，按核实数更正',
    });
    expect(corrected.status).toBe(200);
    const figure = (
      corrected.body.data as {
        post: { figures: Array<{ value: number; previous: number }>; correctionReason: string };
      }
    ).post;
    expect(figure.figures[0]).toEqual({ metricId: invest, value: 40, previous: 50 });
    expect(figure.correctionReason).toBe('重复计入，按核实数更正');
  });

  it('405 for another method on /api/arena, with the envelope', async () => {
    const res = await h.raw('/api/arena');
    expect(res.status).toBe(405);
    expect(((await res.json()) as Reply['body']).error?.message).toMatch(chinese);
  });

  it('413 for a body over 1 MB, with the envelope', async () => {
    const res = await h.raw('/api/arena', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'post.create', data: { text: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as Reply['body'];
    expect(body.error?.code).toBe('INVALID_ARGUMENT');
    expect(body.error?.message).toMatch(chinese);
  });

  it('logs each request as one JSON line with its action and status, and never a token', async () => {
    await h.call('me.get', {}, token);
    const entry = h.logs.filter((e) => e.msg === 'request' && e.action === 'me.get').pop();
    expect(entry).toEqual(
      expect.objectContaining({ method: 'POST', path: '/api/arena', status: 200, ms: expect.any(Number) }),
    );
    expect(JSON.stringify(h.logs)).not.toContain(token);
  });
});

describe('API errors (demo mode off)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: false });
  });
  afterAll(() => h.stop());

  it('403 for the demo actions', async () => {
    expectError(await h.call('auth.demoUsers', {}), 403, 'FORBIDDEN');
    expectError(await h.call('auth.demoLogin', { userId: reporter }), 403, 'FORBIDDEN');
  });

  it('still serves a signed-in user, and refuses a demo user’s session', async () => {
    expectError(await h.call('me.get', {}, await h.sessionFor(reporter)), 401, 'UNAUTHENTICATED');
    // The same person as a real user: with demo mode off, only real users are anyone.
    await h.store.people.putUser({ ...(await h.store.people.getUser(reporter))!, demo: false });
    const token = await h.sessionFor(reporter);
    const me = await h.call('me.get', {}, token);
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual({
      user: expect.objectContaining({ id: reporter, unitId, unitName: '东城街道' }),
    });
  });
});

describe('API rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimitPerMinute: 120 });
  });
  afterAll(() => h.stop());

  it('429 once a user passes the per-minute limit, while another user still gets through', async () => {
    const token = await h.sessionFor('demo-leader');
    const statuses: number[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const replies = await Promise.all(Array.from({ length: 20 }, () => h.call('me.get', {}, token)));
      statuses.push(...replies.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    const over = await h.call('me.get', {}, token);
    expectError(over, 429, 'RATE_LIMITED');
    const other = await h.call('me.get', {}, await h.sessionFor('demo-supervisor'));
    expect(other.status).toBe(200);
  });
});

describe('API internal errors', () => {
  let h: Harness;
  let broken = false;
  beforeAll(async () => {
    h = await startHarness({
      decorateStore: (store) => ({
        ...store,
        posts: {
          ...store.posts,
          listPosts: async (query) => {
            if (broken) throw new Error('disk I/O error (simulated)');
            return store.posts.listPosts(query);
          },
        },
      }),
    });
  });
  afterAll(() => h.stop());

  it('500 with the envelope and a Chinese message when the store throws, and the error is logged', async () => {
    const token = await h.sessionFor('demo-leader');
    broken = true;
    const reply = await h.call('post.list', {}, token);
    expectError(reply, 500, 'INTERNAL');
    expect(reply.body.error?.message).not.toContain('disk I/O');
    expect(h.logs.some((e) => e.level === 'error' && String(e.error).includes('disk I/O'))).toBe(true);
    broken = false;
    expect((await h.call('post.list', {}, token)).status).toBe(200);
  });
});
