/**
 * Property-based fuzzing of every action's input, generated from its zod schema (./arbitrary.ts): values of
 * the schema's shape never make the server fail (no INTERNAL, no 500), and values the schema refuses are
 * answered INVALID_ARGUMENT with not one row of the database changed. Then whole request bodies, to the
 * router and over HTTP. `FUZZ_RUNS` sets the runs per property (default 25; e.g. FUZZ_RUNS=2000 for a long
 * run); the totals are printed at the end.
 */
import fc from 'fast-check';
import { actions, isActionName, type ActionName, type Result, type Role } from '../../core/contract';
import { routes } from '../../core/app/router';
import { createSqliteStore } from '../../adapters/sqlite';
import { buildApp } from '../../server/app';
import { rid, testArena } from '../app/arena';
import { anyJson, broken, jsonSchemaOf, shaped } from './arbitrary';
import { fingerprint } from './fingerprint';
import { person, policy, unitRoles } from './policy';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 25) || 25);
const stats = { requests: 0, internal: 0, unintendedWrites: 0 };
/** What the router logged for each INTERNAL answer: printed at the end, so a failure names its cause. */
const causes: string[] = [];

let sqlite: ReturnType<typeof createSqliteStore>;
let t: Awaited<ReturnType<typeof testArena>>;
let ipNo = 0;

beforeAll(async () => {
  sqlite = createSqliteStore({ file: ':memory:' });
  t = await testArena(sqlite.store, { settings: { rateLimitPerMinute: 1_000_000_000 },
    log: (entry) => {
      if (entry.level === 'error') causes.push(`${String(entry.action)}: ${String(entry.stack ?? entry.error)}`);
    },
  });
  for (const role of ['reporter', 'unit_leader', 'supervisor', 'leader', 'admin'] as const) {
    await t.store.people.putUser(person(role, false));
  }
});
afterAll(() => {
  sqlite.close();
  console.log(
    `fuzzing: ${stats.requests} requests (${RUNS} runs per property), ${stats.internal} answered INTERNAL/500, ` +
      `${stats.unintendedWrites} unintended writes` +
      (causes.length ? `\ncauses:\n${causes.slice(0, 5).join('\n')}` : ''),
  );
});

/** The role an action is fuzzed as: one it allows, so the input reaches the use case. */
function roleFor(action: ActionName): Role {
  const { allowed } = policy[action];
  if (allowed === 'anyone' || allowed === 'user') return 'admin';
  return allowed.includes('reporter') ? 'reporter' : (allowed[0] ?? 'admin');
}

/** One request as a fresh session of `role` (an action may end the session it is given). */
async function send(action: ActionName, data: unknown): Promise<{ result: Result<unknown>; wrote: boolean }> {
  const token = await t.login(person(roleFor(action), false));
  const before = fingerprint(sqlite.db);
  const result = await t.arena.handle(
    { action, data },
    { token, ip: `10.7.${(ipNo >> 8) & 255}.${ipNo++ & 255}` },
  );
  stats.requests += 1;
  if (!result.ok && result.error.code === 'INTERNAL') stats.internal += 1;
  return { result, wrote: JSON.stringify(fingerprint(sqlite.db)) !== JSON.stringify(before) };
}

describe.each(Object.keys(routes) as ActionName[])('%s', (action) => {
  const schema = actions[action].input;
  const json = jsonSchemaOf(schema);

  it('inputs of its shape never make it fail; those its rules refuse change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(shaped(json), async (data) => {
        const { result, wrote } = await send(action, data);
        expect(result.ok || result.error.code !== 'INTERNAL').toBe(true);
        if (!schema.safeParse(data).success) {
          if (wrote) stats.unintendedWrites += 1;
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
          expect(wrote).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('broken inputs are refused with INVALID_ARGUMENT, in Chinese, and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        broken(json).filter((data) => !schema.safeParse(data).success),
        async (data) => {
          const { result, wrote } = await send(action, data);
          if (wrote) stats.unintendedWrites += 1;
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
          expect(result.ok ? '' : result.error.message).toMatch(/[\u4e00-\u9fff]/);
          expect(wrote).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

it('any request body to the router: never INTERNAL, and nothing changes unless it names an action with a valid input', async () => {
  const names = Object.keys(routes);
  const body = fc.oneof(
    anyJson,
    fc.record(
      {
        action: fc.oneof(
          fc.constantFrom(...names),
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'valueOf'),
        ),
        data: anyJson,
      },
      { requiredKeys: [] },
    ),
  );
  await fc.assert(
    fc.asyncProperty(body, async (b) => {
      const token = await t.login(person('reporter', false));
      const before = JSON.stringify(fingerprint(sqlite.db));
      const result = await t.arena.handle(b, { token, ip: `10.8.${(ipNo >> 8) & 255}.${ipNo++ & 255}` });
      stats.requests += 1;
      if (!result.ok && result.error.code === 'INTERNAL') stats.internal += 1;
      expect(result.ok || result.error.code !== 'INTERNAL').toBe(true);
      const action =
        typeof b === 'object' && b !== null && 'action' in b ? (b as { action: unknown }).action : null;
      const valid =
        typeof action === 'string' &&
        isActionName(action) &&
        actions[action].input.safeParse((b as { data?: unknown }).data ?? {}).success;
      if (!valid) {
        const wrote = JSON.stringify(fingerprint(sqlite.db)) !== before;
        if (wrote) stats.unintendedWrites += 1;
        expect(wrote).toBe(false);
      }
    }),
    { numRuns: RUNS * 4 },
  );
});

it('any bytes posted over HTTP: a 4xx with a Chinese message, never a 5xx', async () => {
  const app = buildApp({ arena: t.arena, log: () => undefined });
  const bytes = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    anyJson.map((v) => JSON.stringify(v)),
    fc.constantFrom('', '{', '{"action":', 'null', '[]', '{"action":"post.create","data":null}'),
  );
  await fc.assert(
    fc.asyncProperty(bytes, fc.constantFrom('application/json', 'text/plain', ''), async (body, type) => {
      const res = await app.request('/api/arena', {
        method: 'POST',
        body,
        headers: type ? { 'content-type': type } : {},
      });
      stats.requests += 1;
      if (res.status >= 500) stats.internal += 1;
      expect(res.status).toBeLessThan(500);
      const json = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!json.ok) expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/);
    }),
    { numRuns: RUNS * 4 },
  );
});

it('a post whose unit is not the poster’s is refused whatever its figures (a rule, not just a shape)', async () => {
  await fc.assert(
    fc.asyncProperty(shaped(jsonSchemaOf(actions['post.create'].input)), async (data) => {
      const input = { ...(data as Record<string, unknown>), unitId: 'B', requestId: rid() };
      const { result, wrote } = await send('post.create', input);
      expect(result.ok).toBe(false);
      expect(wrote).toBe(false);
    }),
    { numRuns: RUNS },
  );
  expect(unitRoles).toContain(roleFor('post.create'));
});
