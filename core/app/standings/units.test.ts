import { memoryStore } from '../../../tests/app/memory-store';
import { seedHandWorked } from '../../../tests/app/seed';

const seeded = () => seedHandWorked(memoryStore());

describe('unit.detail', () => {
  it('shows the standing, what is left per metric, and the points to the unit above', async () => {
    const { t, reader } = await seeded();
    const d = await t.expectOk('unit.detail', { unitId: 'B' }, reader);
    expect(d.unit).toEqual({ id: 'B', name: '乙镇', division: '乡镇街道' });
    expect(d.standing).toMatchObject({
      unitId: 'B',
      rank: 4,
      overallRank: 4,
      divisionRank: 3,
      rankDelta: -3,
      light: 'red',
    });
    // D is just above B in 乡镇街道: 90 − 59.857 = 30.143
    expect(d.gapToPrev).toBeCloseTo(90 - 59.857142857, 8);
    expect(d.metrics).toHaveLength(1);
    const [m] = d.metrics;
    expect(m).toMatchObject({
      metricId: 'm-invest',
      target: 20,
      value: 6,
      light: 'red',
      remaining: 14,
      baselineValue: 3,
    });
    expect(m?.completion).toBeCloseTo(0.3, 12);
    expect(m?.pace).toBeCloseTo(0.75, 12);
    expect(m?.perDayNeeded).toBeCloseTo(14 / 61, 12); // 10-10 … 12-09 is 61 days
    expect(m?.behindSchedule).toBeCloseTo(2, 12); // τ 0.4 × 20 − 6 亿元
    expect(m?.city).toEqual({ value: 14, target: 40 });
    expect(m?.dims?.effort).toBeCloseTo(50, 8);
    expect(d.effortSince).toBe('2025-09-10');
    expect(d.quality).toEqual({ counted: 0, onTime: 0 });
  });

  it('gives no gap to the first of a division', async () => {
    const { t, reader } = await seeded();
    expect((await t.expectOk('unit.detail', { unitId: 'A' }, reader)).gapToPrev).toBeNull();
    expect((await t.expectOk('unit.detail', { unitId: 'C' }, reader)).gapToPrev).toBeNull();
  });

  it('answers NOT_FOUND for an unknown unit and for a unit with no targets', async () => {
    const { t, reader } = await seeded();
    const unknown = await t.call('unit.detail', { unitId: 'X' }, reader);
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
    const lead = await t.call('unit.detail', { unitId: 'L' }, reader);
    expect(lead.ok ? null : lead.error).toEqual({
      code: 'NOT_FOUND',
      message: '「市发改局」没有分配指标目标，不参加排名。',
    });
  });
});

describe('unit.trend', () => {
  it('gives the unit’s completion at each day’s close since the start, against 序时', async () => {
    const { t, reader } = await seeded();
    const { points } = await t.expectOk('unit.trend', { unitId: 'A' }, reader);
    // 09-01 … 10-10 is 40 days; A has 完成投资 (10) and 不良贷款率 (3.2, not reported until 10-10).
    expect(points).toHaveLength(40);
    expect(points[0]).toEqual({ day: '2025-09-01', completion: 0, timeProgress: 0.01 });
    // 09-10: 完成投资 1 → (0.1 + 0) / 2 = 0.05, held until 10-09
    expect(points[9]).toEqual({ day: '2025-09-10', completion: expect.closeTo(0.05, 12), timeProgress: 0.1 });
    expect(points[38]?.completion).toBeCloseTo(0.05, 12);
    // 10-10: (0.6 + 1) / 2 = 0.8, the completion of A's leaderboard row
    expect(points[39]).toEqual({ day: '2025-10-10', completion: expect.closeTo(0.8, 12), timeProgress: 0.4 });
  });

  it('is empty for a unit without targets and NOT_FOUND for an unknown unit', async () => {
    const { t, reader } = await seeded();
    expect((await t.expectOk('unit.trend', { unitId: 'L' }, reader)).points).toEqual([]);
    const r = await t.call('unit.trend', { unitId: 'X' }, reader);
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
