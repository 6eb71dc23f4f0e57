/**
 * 比质量 comes alive: the share of a unit's problems due by now that were closed off by their due date
 * (100 while none is due), read through board.leaderboard and unit.detail after problems are raised and
 * closed on time, late, early, or not at all. The figures are the hand-worked campaign of
 * tests/app/seed.ts (A 109.5, D 90, C 63.238, B 59.857 on 10-10 with quality 100 for all; on 10-09's
 * close B 56.19, A 37.90, D 30, C 15); quality weighs 15 of 100.
 */
import { rid } from '../../../tests/app/arena';
import { at10, taskArena, type Who } from '../../../tests/app/tasks';

/*
 * Problems (raised 10-01, 10:00 Shanghai):
 *   B  P1 due 10-05  closed off 10-04         on time
 *   B  P2 due 10-06  closed off 10-08         late → missed
 *   B  P3 due 10-20  closed off 10-05         early: counts only from 10-21, on time
 *   B  P4 due 10-08  resolved 10-07, never closed off → missed from 10-09
 *   A  P5 due 10-03  closed off 10-03         on its due day: on time
 *   C  P6 due 10-09  never touched            missed from 10-10
 * On 10-10: B 1 of 3 due (P1; P2, P4 missed; P3 not due) → 33.33; A 1 of 1 → 100; C 0 of 1 → 0; D none → 100.
 *   B 59.857 − 15 + 15 × 1/3 = 49.857     C 63.238 − 15 = 48.238     A 109.5     D 90
 * On 10-09's close: B's P1 on time, P2 missed, P4 (due 10-08) not closed → 1 of 3 → 56.19 − 10 = 46.19;
 *   C's P6 is due that very day, so not judged yet → 15; A 37.90; D 30.
 *   Ranks 10-09: B 1, A 2, D 3, C 4.  Ranks 10-10: A 1, D 2, B 3, C 4 → deltas A +1, D +1, B −2, C 0.
 * On 10-21: B's P3 is due too → 2 of 4 → 50.
 */
async function worked() {
  const t = await taskArena({ now: at10('2025-09-10') });
  const post = (who: Who, unitId: string, figures: Array<{ metricId: string; value: number }>) =>
    t.expectOk('post.create', { unitId, figures, text: '', requestId: rid() }, t.tok[who]);
  await post('repA', 'A', [{ metricId: 'm-invest', value: 1 }]);
  await post('repB', 'B', [{ metricId: 'm-invest', value: 3 }]);

  t.setNow(at10('2025-10-01'));
  const task = await t.saveTask({ leadUnitId: 'A', unitIds: ['B', 'C'] });
  const raise = (unitId: string, dueDate: string) => t.raise(task.id, { unitId, dueDate }, 'supervisor');
  const p1 = await raise('B', '2025-10-05');
  const p2 = await raise('B', '2025-10-06');
  const p3 = await raise('B', '2025-10-20');
  const p4 = await raise('B', '2025-10-08');
  const p5 = await raise('A', '2025-10-03');
  await raise('C', '2025-10-09');
  t.setNow(at10('2025-10-03'));
  await t.closeOff(p5.id, 'repA');
  t.setNow(at10('2025-10-04'));
  await t.closeOff(p1.id, 'repB');
  t.setNow(at10('2025-10-05'));
  await t.closeOff(p3.id, 'repB');
  t.setNow(at10('2025-10-07'));
  await t.stepOk(p4.id, 'in_progress', 'repB');
  await t.stepOk(p4.id, 'resolved', 'repB', '已协调');
  await t.stepOk(p2.id, 'in_progress', 'repB');
  await t.stepOk(p2.id, 'resolved', 'repB', '已协调');
  t.setNow(at10('2025-10-08'));
  await t.stepOk(p2.id, 'closed', 'supervisor', '同意销号');

  t.setNow(at10('2025-10-10'));
  await post('repA', 'A', [
    { metricId: 'm-invest', value: 6 },
    { metricId: 'm-npl', value: 3.0 },
  ]);
  await post('repB', 'B', [{ metricId: 'm-invest', value: 6 }]);
  await post('repC', 'C', [
    { metricId: 'm-invest', value: 2 },
    { metricId: 'm-npl', value: 4.0 },
  ]);
  await post('repD', 'D', [{ metricId: 'm-signed', value: 2 }]);
  return t;
}

describe('the quality dimension, from problems', () => {
  it('scores each unit on 10-10 as worked by hand, on the leaderboard', async () => {
    const t = await worked();
    const { rows } = await t.expectOk('board.leaderboard', {}, t.tok.leader);
    expect(rows.map((r) => [r.unitId, r.rank, r.dims.quality, r.score, r.rankDelta])).toEqual([
      ['A', 1, 100, expect.closeTo(109.5, 8), 1],
      ['D', 2, 100, expect.closeTo(90, 8), 1],
      ['B', 3, expect.closeTo(100 / 3, 8), expect.closeTo(59.857142857 - 10, 8), -2],
      ['C', 4, 0, expect.closeTo(63.238095238 - 15, 8), 0],
    ]);
  });

  it('shows what quality is made of on a unit’s page', async () => {
    const t = await worked();
    const detail = async (unitId: string) => {
      const d = await t.expectOk('unit.detail', { unitId }, t.tok.repD);
      return { quality: d.quality, dim: d.standing.dims.quality };
    };
    expect(await detail('B')).toEqual({
      quality: { counted: 3, onTime: 1 },
      dim: expect.closeTo(100 / 3, 8),
    });
    expect(await detail('A')).toEqual({ quality: { counted: 1, onTime: 1 }, dim: 100 });
    expect(await detail('C')).toEqual({ quality: { counted: 1, onTime: 0 }, dim: 0 });
    expect(await detail('D')).toEqual({ quality: { counted: 0, onTime: 0 }, dim: 100 });
  });

  it('counts a problem closed early once its due date has passed (B on 10-21: 2 of 4 → 50)', async () => {
    const t = await worked();
    t.setNow(at10('2025-10-20'));
    expect((await t.expectOk('unit.detail', { unitId: 'B' }, t.tok.leader)).quality).toEqual({
      counted: 3,
      onTime: 1,
    });
    t.setNow(at10('2025-10-21'));
    const d = await t.expectOk('unit.detail', { unitId: 'B' }, t.tok.leader);
    expect(d.quality).toEqual({ counted: 4, onTime: 2 });
    expect(d.standing.dims.quality).toBe(50);
  });

  it('is 100 for everyone while no problem is due yet, however many are open', async () => {
    const t = await taskArena();
    const task = await t.saveTask({ unitIds: ['B', 'C'] });
    await t.raise(task.id, { unitId: 'B', dueDate: '2025-10-10' }, 'supervisor');
    await t.raise(task.id, { unitId: 'C', dueDate: '2025-10-15' }, 'supervisor');
    const { rows } = await t.expectOk('board.leaderboard', {}, t.tok.leader);
    expect(rows.map((r) => r.dims.quality)).toEqual([100, 100, 100, 100]);
    // The next day B's problem, due 10-10 and still open, is missed.
    t.setNow(at10('2025-10-11'));
    const next = await t.expectOk('board.leaderboard', {}, t.tok.leader);
    expect(next.rows.find((r) => r.unitId === 'B')?.dims.quality).toBe(0);
    expect(next.rows.find((r) => r.unitId === 'C')?.dims.quality).toBe(100);
  });
});
