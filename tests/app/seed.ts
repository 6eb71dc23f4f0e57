/** The hand-worked campaign posted through the API, for the leaderboard and unit tests. */
import type { Store } from '../../core/app/ports';
import { rid, testArena, users } from './arena';

/*
 * The hand-worked campaign of core/domain/standings.test.ts, posted through the API.
 * 09-10 (10:00 Shanghai): A 完成投资 1, B 3.  10-10: A 6 + 不良贷款率 3.0, B 6, C 2 + 4.0, D 签约 2 of 4.
 * Today 10-10: τ 0.4; effort since the close of 09-10 (Δτ 0.3).
 *   A 109.5 (domain test)    C 63.238 (domain test)    B 59.857 (domain test)
 *   D: c 0.5, p 1.25 → 50 / 125 / 100 / effort 0.5/0.3 → 150 / no cumulative → 100
 *      = (2000 + 2500 + 1500 + 1500 + 1500) / 100 = 90
 * Yesterday's close (10-09: τ 0.39, effort since 09-09, nothing then):
 *   A: 完成投资 c 0.1 p 0.256, 不良贷款率 not reported → 5 / 12.82 / 100 / 33.3 / (1/4)/(10/40)=1 → 100 → 37.90
 *   B: c 0.15 p 0.385 → 15 / 38.46 / 100 / 50 / (3/4)/(20/40)=1.5 → 150 → 56.19
 *   C: nothing → 0 / 0 / 100 / 0 / 0 → 15      D: nothing → 0 / 0 / 100 / 0 / 100 → 30
 */
export async function seedHandWorked(store: Store) {
  const t = await testArena(store, { now: '2025-09-10T02:00:00Z' });
  const tok = {
    A: await t.login(users.repA),
    B: await t.login(users.repB),
    C: await t.login(users.repC),
    D: await t.login(users.repD),
  };
  const send = (unit: keyof typeof tok, figures: Array<{ metricId: string; value: number }>) =>
    t.expectOk('post.create', { unitId: unit, figures, text: '', requestId: rid() }, tok[unit]);
  await send('A', [{ metricId: 'm-invest', value: 1 }]);
  await send('B', [{ metricId: 'm-invest', value: 3 }]);
  t.setNow('2025-10-10T02:00:00Z');
  await send('A', [
    { metricId: 'm-invest', value: 6 },
    { metricId: 'm-npl', value: 3.0 },
  ]);
  await send('B', [{ metricId: 'm-invest', value: 6 }]);
  await send('C', [
    { metricId: 'm-invest', value: 2 },
    { metricId: 'm-npl', value: 4.0 },
  ]);
  await send('D', [{ metricId: 'm-signed', value: 2 }]);
  return { t, send, reader: await t.login(users.leader) };
}
