import type { Direction, ReviewDraft, ReviewRow, Target, Unit } from '../contract';
import {
  campaignPeriods,
  computeReview,
  figureKey,
  isClosed,
  missedTargets,
  nextPeriod,
  periodEnd,
  periodName,
  periodOf,
  previousPeriod,
  reviewChanges,
  type ReviewedMetric,
  type ReviewInput,
} from './review';

/*
 * Every table below is worked out by hand (DOMAIN.md "The monthly review and its sanctions"):
 *   MA = close(P) − close(P−1) for cumulative and count metrics; the value at the close for rates;
 *   g = (MA − LY) / LY, none when LY is absent or 0 (the unit is left out and listed in `excluded`);
 *   rank by g within the division, highest first, ties share (1, 2, 2, 4);
 *   bottom two = fewer than two ranked units strictly below; missed = MA < MT (a rate with no figure and
 *   an MT is missed); flagged = missed and bottom two on some metric; level 2 when flagged the month before.
 */

const P = '2025-10';
const inv: ReviewedMetric = { id: 'inv', name: '固定资产投资', measure: '亿元', kind: 'cumulative' };
const start: ReviewedMetric = { id: 'start', name: '项目开工率', measure: '%', kind: 'rate' };
const deals: ReviewedMetric = { id: 'deals', name: '签约项目', measure: '个', kind: 'count' };

/** One (unit, metric): the closes of P−1 and P, the month's target and last year's same month. */
interface Fig {
  prev?: number;
  now?: number;
  MT?: number;
  LY?: number;
}

const unit = (id: string, name: string, division = '乡镇街道'): Unit => ({ id, name, division });

function build(
  units: Unit[],
  metrics: ReviewedMetric[],
  figs: Record<string, Record<string, Fig>>,
  flaggedBefore: string[] = [],
): ReviewInput {
  const closeNow = new Map<string, number>();
  const closePrev = new Map<string, number>();
  const targets: Target[] = [];
  for (const [unitId, byMetric] of Object.entries(figs))
    for (const [metricId, f] of Object.entries(byMetric)) {
      const key = figureKey(unitId, metricId);
      if (f.now !== undefined) closeNow.set(key, f.now);
      if (f.prev !== undefined) closePrev.set(key, f.prev);
      // Every unit in the table has a target of the metric; only some have this month's MT or LY.
      const month =
        f.MT === undefined && f.LY === undefined
          ? []
          : [
              {
                period: P,
                ...(f.MT === undefined ? {} : { target: f.MT }),
                ...(f.LY === undefined ? {} : { lastYear: f.LY }),
              },
            ];
      targets.push({
        unitId,
        metricId,
        target: 100,
        // Another month's figures must not leak into P.
        monthly: [{ period: '2025-09', target: 999, lastYear: 999 }, ...month],
      });
    }
  return {
    campaignId: 'c1',
    period: P,
    units,
    metrics,
    targets,
    closeNow,
    closePrev,
    flaggedBefore: new Set(flaggedBefore),
  };
}

/** The rows of a division for one metric, as [unitId, growthRank, flagged] in the order listed. */
const ranking = (draft: ReviewDraft, division: string, metricId: string) =>
  draft.divisions
    .find((d) => d.division === division)!
    .rows.filter((r) => r.metricId === metricId)
    .map((r) => [r.unitId, r.growthRank, r.flagged]);

const rowOf = (draft: ReviewDraft, unitId: string, metricId: string): ReviewRow => {
  const row = draft.divisions
    .flatMap((d) => d.rows)
    .find((r) => r.unitId === unitId && r.metricId === metricId);
  if (!row) throw new Error(`no row ${unitId}/${metricId}`);
  return row;
};

const flags = (draft: ReviewDraft) => draft.flagged.map((f) => [f.unitId, f.level, f.metricIds]);

/*
 * An ordinary division of five towns, October 2025.
 *   固定资产投资 (cumulative, 亿元)
 *   unit  close 9  close 10  MA                MT    LY     g                          rank  missed      bottom two
 *   u1    10       13        13 − 10 = 3       2.5   2      (3 − 2)/2 = 0.5            1     3 ≥ 2.5 no  no (4 below)
 *   u2    8        10        10 − 8 = 2        2.4   2.5    (2 − 2.5)/2.5 = −0.2       4     2 < 2.4 yes yes (1 below) → flagged
 *   u3    5        6.5       6.5 − 5 = 1.5     1.6   1.25   (1.5 − 1.25)/1.25 = 0.2    2     yes         no (3 below)
 *   u4    4        4.75      4.75 − 4 = 0.75   1     1.5    (0.75 − 1.5)/1.5 = −0.5    5     yes         yes (0 below) → flagged
 *   u5    2        3         3 − 2 = 1         0.9   1      (1 − 1)/1 = 0              3     1 ≥ 0.9 no  no (2 below)
 *   项目开工率 (rate, %; the September close is there and must be ignored)
 *   unit  close 10  MA    MT   LY    g                       rank  missed   bottom two
 *   u1    80        80    90   100   (80 − 100)/100 = −0.2   4     yes      yes → flagged
 *   u2    95        95    90   95    0                       3     no       no
 *   u3    60        60    70   50    (60 − 50)/50 = 0.2      2     yes      no
 *   u4    100       100   90   80    (100 − 80)/80 = 0.25    1     no       no
 *   u5    50        50    60   100   (50 − 100)/100 = −0.5   5     yes      yes → flagged
 * Flagged: u1 (开工率), u2 (投资), u4 (投资), u5 (开工率); u3 missed both but ranks second on both.
 */
const towns = [
  unit('u1', '城东街道'),
  unit('u2', '城西街道'),
  unit('u3', '南溪镇'),
  unit('u4', '北山镇'),
  unit('u5', '西岭乡'),
];
const ordinary: Record<string, Record<string, Fig>> = {
  u1: { inv: { prev: 10, now: 13, MT: 2.5, LY: 2 }, start: { prev: 10, now: 80, MT: 90, LY: 100 } },
  u2: { inv: { prev: 8, now: 10, MT: 2.4, LY: 2.5 }, start: { prev: 10, now: 95, MT: 90, LY: 95 } },
  u3: { inv: { prev: 5, now: 6.5, MT: 1.6, LY: 1.25 }, start: { prev: 10, now: 60, MT: 70, LY: 50 } },
  u4: { inv: { prev: 4, now: 4.75, MT: 1, LY: 1.5 }, start: { prev: 10, now: 100, MT: 90, LY: 80 } },
  u5: { inv: { prev: 2, now: 3, MT: 0.9, LY: 1 }, start: { prev: 10, now: 50, MT: 60, LY: 100 } },
};

describe('computeReview: an ordinary division', () => {
  const draft = computeReview(build(towns, [inv, start], ordinary));

  it('computes every column of every row', () => {
    const row = (
      unitId: string,
      metricId: string,
      MA: number,
      MT: number,
      LY: number,
      growth: number,
      missed: boolean,
      growthRank: number,
      flagged: boolean,
      level: number,
    ) => ({
      unitId,
      unitName: towns.find((u) => u.id === unitId)!.name,
      metricId,
      MA,
      MT,
      LY,
      growth,
      missed,
      growthRank,
      flagged,
      level,
    });
    expect(draft.divisions).toEqual([
      {
        division: '乡镇街道',
        rows: [
          row('u1', 'inv', 3, 2.5, 2, 0.5, false, 1, false, 1),
          row('u3', 'inv', 1.5, 1.6, 1.25, 0.2, true, 2, false, 0),
          row('u5', 'inv', 1, 0.9, 1, 0, false, 3, false, 1),
          row('u2', 'inv', 2, 2.4, 2.5, -0.2, true, 4, true, 1),
          row('u4', 'inv', 0.75, 1, 1.5, -0.5, true, 5, true, 1),
          row('u4', 'start', 100, 90, 80, 0.25, false, 1, false, 1),
          row('u3', 'start', 60, 70, 50, 0.2, true, 2, false, 0),
          row('u2', 'start', 95, 90, 95, 0, false, 3, false, 1),
          row('u1', 'start', 80, 90, 100, -0.2, true, 4, true, 1),
          row('u5', 'start', 50, 60, 100, -0.5, true, 5, true, 1),
        ],
      },
    ]);
  });

  it('lists the flagged units in the campaign order with the metrics that flagged them, at level 1', () => {
    expect(flags(draft)).toEqual([
      ['u1', 1, ['start']],
      ['u2', 1, ['inv']],
      ['u4', 1, ['inv']],
      ['u5', 1, ['start']],
    ]);
    expect(draft.flagged[0]).toMatchObject({ unitName: '城东街道', division: '乡镇街道' });
  });

  it('carries the reviewed metrics and leaves nobody out', () => {
    expect(draft.metrics).toEqual([
      { id: 'inv', name: '固定资产投资', measure: '亿元' },
      { id: 'start', name: '项目开工率', measure: '%' },
    ]);
    expect(draft.excluded).toEqual([]);
    expect(draft).toMatchObject({ campaignId: 'c1', period: P });
  });
});

describe('computeReview: flags and levels', () => {
  it('flags again at level 2 a unit flagged the month before; one flagged before but not now has no level', () => {
    // Same table; u2 and u3 were flagged in September. u2 is flagged again → 约谈主要领导 (2); u3 is not
    // flagged in October (second on both metrics) → level 0 and absent from the list.
    const draft = computeReview(build(towns, [inv, start], ordinary, ['u2', 'u3']));
    expect(flags(draft)).toEqual([
      ['u1', 1, ['start']],
      ['u2', 2, ['inv']],
      ['u4', 1, ['inv']],
      ['u5', 1, ['start']],
    ]);
    // A unit's level shows on all its rows, the metric that did not flag it too.
    expect(rowOf(draft, 'u2', 'start')).toMatchObject({ flagged: false, level: 2 });
    expect(rowOf(draft, 'u2', 'inv')).toMatchObject({ flagged: true, level: 2 });
    expect(rowOf(draft, 'u3', 'inv').level).toBe(0);
  });

  it('lists every metric that flagged a unit', () => {
    // u2 falls on 开工率 too: MA 40, LY 100 → g = (40 − 100)/100 = −0.6, MT 90 → missed.
    //   g: u4 0.25, u3 0.2, u1 −0.2, u5 −0.5, u2 −0.6 → ranks 1, 2, 3, 4, 5; bottom two: u5 (1 below), u2 (0).
    //   u1 now has two below it: no longer flagged on 开工率, nor on anything.
    const figs = { ...ordinary, u2: { ...ordinary.u2, start: { now: 40, MT: 90, LY: 100 } } };
    const draft = computeReview(build(towns, [inv, start], figs));
    expect(ranking(draft, '乡镇街道', 'start')).toEqual([
      ['u4', 1, false],
      ['u3', 2, false],
      ['u1', 3, false],
      ['u5', 4, true],
      ['u2', 5, true],
    ]);
    expect(flags(draft)).toEqual([
      ['u2', 1, ['inv', 'start']],
      ['u4', 1, ['inv']],
      ['u5', 1, ['start']],
    ]);
  });

  it('does not flag a bottom unit that made its MT, nor a top unit that missed', () => {
    //   unit  MA  MT  LY  g                   rank  missed        bottom two
    //   a     6   10  2   (6 − 2)/2 = 2       1     6 < 10 yes    no (2 below)
    //   b     4   3   4   0                   2     no            yes (1 below)
    //   c     2   2   4   (2 − 4)/4 = −0.5    3     2 < 2 no      yes (0 below): made it exactly
    const units = [unit('a', '甲镇'), unit('b', '乙镇'), unit('c', '丙镇')];
    const draft = computeReview(
      build(units, [inv], {
        a: { inv: { now: 6, MT: 10, LY: 2 } },
        b: { inv: { now: 4, MT: 3, LY: 4 } },
        c: { inv: { now: 2, MT: 2, LY: 4 } },
      }),
    );
    expect(
      draft.divisions[0]!.rows.map((r) => [r.unitId, r.growth, r.growthRank, r.missed, r.flagged]),
    ).toEqual([
      ['a', 2, 1, true, false],
      ['b', 0, 2, false, false],
      ['c', -0.5, 3, false, false],
    ]);
    expect(draft.flagged).toEqual([]);
  });
});

describe('computeReview: ties and small divisions', () => {
  it('brings every unit tied at the cut into the bottom two (1, 2, 2, 4)', () => {
    // First month: no September close, so MA = the October close.
    //   unit  MA  LY  g                  rank  below  bottom two   MT 10 → all missed
    //   a     3   2   0.5                1     3      no           top: not flagged
    //   b     2   2   0                  2     1      yes          flagged
    //   c     1   1   0                  2     1      yes          flagged
    //   d     1   2   −0.5               4     0      yes          flagged
    const units = [unit('a', '甲镇'), unit('b', '乙镇'), unit('c', '丙镇'), unit('d', '丁镇')];
    const draft = computeReview(
      build(units, [inv], {
        a: { inv: { now: 3, MT: 10, LY: 2 } },
        b: { inv: { now: 2, MT: 10, LY: 2 } },
        c: { inv: { now: 1, MT: 10, LY: 1 } },
        d: { inv: { now: 1, MT: 10, LY: 2 } },
      }),
    );
    expect(ranking(draft, '乡镇街道', 'inv')).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, true],
    ]);
    expect(draft.flagged.map((f) => f.unitId)).toEqual(['b', 'c', 'd']);
  });

  it('puts both units of a division of two in the bottom two', () => {
    //   q1: MA 3, LY 2 → g 0.5, rank 1, 1 below; q2: MA 1, LY 2 → g −0.5, rank 2, 0 below; MT 5 → both missed.
    const units = [unit('q1', '高新区', '功能平台'), unit('q2', '经开区', '功能平台')];
    const draft = computeReview(
      build(units, [inv], { q1: { inv: { now: 3, MT: 5, LY: 2 } }, q2: { inv: { now: 1, MT: 5, LY: 2 } } }),
    );
    expect(ranking(draft, '功能平台', 'inv')).toEqual([
      ['q1', 1, true],
      ['q2', 2, true],
    ]);
    expect(flags(draft)).toEqual([
      ['q1', 1, ['inv']],
      ['q2', 1, ['inv']],
    ]);
  });

  it('ties growths equal to 6 decimals, so floating-point noise cannot split them', () => {
    //   n1: MA = 1.3 − 1 = 0.30000000000000004, LY 0.1 → g = 2.0000000000000004
    //   n2: MA = 0.3,                             LY 0.1 → g = 1.9999999999999998   (both 2 to 6 decimals)
    //   n3: MA = 1.5000001, LY 1 → g ≈ 0.5000001;  n4: MA = 1.5, LY 1 → g = 0.5      (both 0.5 to 6 decimals)
    //   n5: MA = 1.500001 − 0 , LY 1 → g ≈ 0.500001: a real difference at the 6th decimal, ranked apart
    //   ranks: n1 1, n2 1, n5 3, n3 4, n4 4
    const units = ['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => unit(id, `${id}镇`));
    const draft = computeReview(
      build(units, [inv], {
        n1: { inv: { prev: 1, now: 1.3, LY: 0.1 } },
        n2: { inv: { now: 0.3, LY: 0.1 } },
        n3: { inv: { now: 1.5000001, LY: 1 } },
        n4: { inv: { now: 1.5, LY: 1 } },
        n5: { inv: { now: 1.500001, LY: 1 } },
      }),
    );
    // The noise is real: the raw growths differ.
    expect(rowOf(draft, 'n1', 'inv').growth).not.toBe(rowOf(draft, 'n2', 'inv').growth);
    expect(ranking(draft, '乡镇街道', 'inv').map(([id, rank]) => [id, rank])).toEqual([
      ['n1', 1],
      ['n2', 1],
      ['n5', 3],
      ['n3', 4],
      ['n4', 4],
    ]);
  });
});

describe('computeReview: units left out of a ranking', () => {
  /*
   *   固定资产投资 (cumulative)
   *   unit  MA  MT  LY      g                 rank  missed       flagged
   *   p1    1   5   —       none              —     yes          no: no_last_year
   *   p2    1   5   0       none (LY = 0)     —     yes          no: no_last_year
   *   p3    2   3   1       (2 − 1)/1 = 1     1     2 < 3 yes    yes (bottom two of two ranked)
   *   p4    1   1   2       (1 − 2)/2 = −0.5  2     1 < 1 no     no
   *   项目开工率 (rate)
   *   p1    —   60  50      none              —     yes (no figure and an MT)   no: no_figure
   *   p2    70  80  70      0                 2     yes          yes (1 below)
   *   p3    80  60  40      (80 − 40)/40 = 1  1     no           no
   *   p4    50  40  100     −0.5              3     no           no
   */
  const units = [unit('p1', '甲镇'), unit('p2', '乙镇'), unit('p3', '丙镇'), unit('p4', '丁镇')];
  const draft = computeReview(
    build(units, [inv, start], {
      p1: { inv: { now: 1, MT: 5 }, start: { MT: 60, LY: 50 } },
      p2: { inv: { now: 1, MT: 5, LY: 0 }, start: { now: 70, MT: 80, LY: 70 } },
      p3: { inv: { now: 2, MT: 3, LY: 1 }, start: { now: 80, MT: 60, LY: 40 } },
      p4: { inv: { now: 1, MT: 1, LY: 2 }, start: { now: 50, MT: 40, LY: 100 } },
    }),
  );

  it('names each unit left out and why', () => {
    expect(draft.excluded).toEqual([
      { unitId: 'p1', unitName: '甲镇', metricId: 'inv', reason: 'no_last_year' },
      { unitId: 'p2', unitName: '乙镇', metricId: 'inv', reason: 'no_last_year' },
      { unitId: 'p1', unitName: '甲镇', metricId: 'start', reason: 'no_figure' },
    ]);
  });

  it('ranks the others among themselves and lists the left-out ones last, unflagged, in the campaign order', () => {
    expect(ranking(draft, '乡镇街道', 'inv')).toEqual([
      ['p3', 1, true],
      ['p4', 2, false],
      ['p1', null, false],
      ['p2', null, false],
    ]);
    expect(ranking(draft, '乡镇街道', 'start')).toEqual([
      ['p3', 1, false],
      ['p2', 2, true],
      ['p4', 3, false],
      ['p1', null, false],
    ]);
  });

  it('still counts a miss where there is no growth (a rate with no figure and an MT is missed)', () => {
    expect(rowOf(draft, 'p1', 'inv')).toMatchObject({
      MA: 1,
      LY: null,
      growth: null,
      missed: true,
      flagged: false,
    });
    expect(rowOf(draft, 'p2', 'inv')).toMatchObject({ LY: 0, growth: null, missed: true, flagged: false });
    expect(rowOf(draft, 'p1', 'start')).toMatchObject({
      MA: null,
      MT: 60,
      LY: 50,
      growth: null,
      missed: true,
    });
    expect(flags(draft)).toEqual([
      ['p2', 1, ['start']],
      ['p3', 1, ['inv']],
    ]);
  });

  it('neither misses nor ranks a unit with no monthly figures for the month', () => {
    const draft2 = computeReview(
      build([unit('x', '无目标镇'), unit('y', '乙镇'), unit('z', '无指标局')], [inv], { x: { inv: { now: 4 } }, y: { inv: {} } }),
    );
    expect(rowOf(draft2, 'x', 'inv')).toMatchObject({
      MA: 4,
      MT: null,
      LY: null,
      missed: false,
      growthRank: null,
    });
    expect(rowOf(draft2, 'y', 'inv')).toMatchObject({ MA: 0, MT: null, missed: false });
    expect(draft2.flagged).toEqual([]);
    // A unit without a target of the metric is not in its table at all (a department that has no 投资 target).
    expect(draft2.divisions[0]!.rows.map((r) => r.unitId)).toEqual(['x', 'y']);
  });
});

describe('computeReview: months without figures and corrections', () => {
  it('reads a month with no new figures as MA 0 on every running total', () => {
    // r1, r2 reported before October and not since (close 10 = close 9); r3 has never reported. A count metric
    // is a running total too.
    //   unit  MA           MT  LY  g                  rank  missed
    //   r1    5 − 5 = 0    1   2   (0 − 2)/2 = −1     1     yes → flagged (all tie at the bottom)
    //   r2    3 − 3 = 0    1   4   −1                 1     yes → flagged
    //   r3    0 − 0 = 0    0   1   −1                 1     0 < 0 no → not flagged
    //   签约项目 (count): r1 7 − 7 = 0, no MT, no LY → left out; r2, r3 have no 签约项目 target → not in its table;
    //   项目开工率: no figure anywhere → no_figure
    const units = [unit('r1', '甲镇'), unit('r2', '乙镇'), unit('r3', '丙镇')];
    const draft = computeReview(
      build(units, [inv, deals, start], {
        r1: { inv: { prev: 5, now: 5, MT: 1, LY: 2 }, deals: { prev: 7, now: 7 }, start: { LY: 50 } },
        r2: { inv: { prev: 3, now: 3, MT: 1, LY: 4 }, start: { LY: 50 } },
        r3: { inv: { MT: 0, LY: 1 }, start: { LY: 50 } },
      }),
    );
    const rows = draft.divisions[0]!.rows;
    expect(rows.filter((r) => r.metricId !== 'start').map((r) => [r.unitId, r.metricId, r.MA])).toEqual([
      ['r1', 'inv', 0],
      ['r2', 'inv', 0],
      ['r3', 'inv', 0],
      ['r1', 'deals', 0],
    ]);
    expect(ranking(draft, '乡镇街道', 'inv')).toEqual([
      ['r1', 1, true],
      ['r2', 1, true],
      ['r3', 1, false],
    ]);
    expect(rows.filter((r) => r.metricId === 'start').map((r) => r.MA)).toEqual([null, null, null]);
    expect(draft.excluded.filter((e) => e.metricId === 'start').map((e) => e.reason)).toEqual([
      'no_figure',
      'no_figure',
      'no_figure',
    ]);
    expect(draft.flagged.map((f) => f.unitId)).toEqual(['r1', 'r2']);
  });

  it('keeps a negative MA when a correction lowers a running total within the month', () => {
    //   s1: close 9 = 10, corrected down to 9 by the close of 10 → MA = 9 − 10 = −1; LY 2 → g = (−1 − 2)/2 = −1.5
    //   s2: MA = 1 − 0 = 1, LY 2 → g = −0.5. MT 1 → s1 missed (−1 < 1), s2 made it. Two units: both bottom two.
    const units = [unit('s1', '甲镇'), unit('s2', '乙镇')];
    const draft = computeReview(
      build(units, [inv], {
        s1: { inv: { prev: 10, now: 9, MT: 1, LY: 2 } },
        s2: { inv: { now: 1, MT: 1, LY: 2 } },
      }),
    );
    expect(rowOf(draft, 's1', 'inv')).toMatchObject({
      MA: -1,
      growth: -1.5,
      growthRank: 2,
      missed: true,
      flagged: true,
    });
    expect(rowOf(draft, 's2', 'inv')).toMatchObject({
      MA: 1,
      growth: -0.5,
      growthRank: 1,
      missed: false,
      flagged: false,
    });
  });
});

describe('computeReview: divisions and order', () => {
  it('lists divisions in the order of their first unit, rows by rank then the campaign order, flags in the campaign order', () => {
    // The campaign lists 赵 (t1) before 钱 (t5) although 钱 (U+94B1) sorts after 赵 (U+8D75) by code either way;
    // 孙 (t3) is listed between them. MT 10 everywhere → every unit missed.
    //   市直部门: t1 g (2 − 2)/2 = 0, t3 g (3 − 2)/2 = 0.5, t5 g (4 − 4)/4 = 0 → ranks t3 1, t1 2, t5 2;
    //             t1 and t5 have none below → flagged; t3 has two below → not.
    //   乡镇街道: t2 alone (g (1 − 2)/2 = −0.5) → rank 1, bottom two → flagged.
    //   功能平台: t4 alone, no LY → left out, not flagged.
    const units = [
      unit('t1', '赵局', '市直部门'),
      unit('t2', '甲镇', '乡镇街道'),
      unit('t3', '孙局', '市直部门'),
      unit('t4', '高新区', '功能平台'),
      unit('t5', '钱局', '市直部门'),
    ];
    const draft = computeReview(
      build(units, [inv], {
        t1: { inv: { now: 2, MT: 10, LY: 2 } },
        t2: { inv: { now: 1, MT: 10, LY: 2 } },
        t3: { inv: { now: 3, MT: 10, LY: 2 } },
        t4: { inv: { now: 1, MT: 10 } },
        t5: { inv: { now: 4, MT: 10, LY: 4 } },
      }),
    );
    expect(draft.divisions.map((d) => d.division)).toEqual(['市直部门', '乡镇街道', '功能平台']);
    expect(ranking(draft, '市直部门', 'inv')).toEqual([
      ['t3', 1, false],
      ['t1', 2, true],
      ['t5', 2, true],
    ]);
    expect(ranking(draft, '乡镇街道', 'inv')).toEqual([['t2', 1, true]]);
    expect(ranking(draft, '功能平台', 'inv')).toEqual([['t4', null, false]]);
    expect(draft.flagged.map((f) => [f.unitId, f.division])).toEqual([
      ['t1', '市直部门'],
      ['t2', '乡镇街道'],
      ['t5', '市直部门'],
    ]);
  });
});

describe('reviewChanges', () => {
  const published = computeReview(build(towns, [inv, start], ordinary));

  it('finds nothing to publish when a new draft says the same', () => {
    expect(reviewChanges(published, computeReview(build(towns, [inv, start], ordinary)))).toEqual([]);
  });

  it('names a changed MA, a newly flagged unit, a level change and a unit no longer flagged', () => {
    // u3's October close is corrected 6.5 → 5.5: MA = 5.5 − 5 = 0.5 (was 1.5), g = (0.5 − 1.25)/1.25 = −0.6.
    //   投资 g: u1 0.5, u5 0, u2 −0.2, u4 −0.5, u3 −0.6 → bottom two u4, u3; u2 now has two below → unflagged.
    // u1 turns out to have been flagged in September (that 通报 was corrected) → level 1 → 2.
    const figs = { ...ordinary, u3: { ...ordinary.u3, inv: { prev: 5, now: 5.5, MT: 1.6, LY: 1.25 } } };
    const corrected = computeReview(build(towns, [inv, start], figs, ['u1']));
    expect(flags(corrected)).toEqual([
      ['u1', 2, ['start']],
      ['u3', 1, ['inv']],
      ['u4', 1, ['inv']],
      ['u5', 1, ['start']],
    ]);
    expect(reviewChanges(published, corrected)).toEqual([
      '「南溪镇」固定资产投资：本月完成 1.5 → 0.5',
      '「城东街道」约谈层级由 1 级改为 2 级',
      '「南溪镇」新列入约谈',
      '「城西街道」不再列入约谈',
    ]);
  });

  it('names a changed monthly target and a removed last-year figure', () => {
    const figs = { ...ordinary, u5: { ...ordinary.u5, inv: { prev: 2, now: 3, MT: 1.2 } } };
    // u5: MT 0.9 → 1.2 (now missed: 1 < 1.2) and LY 1 → none (left out of the ranking, so not flagged).
    expect(reviewChanges(published, computeReview(build(towns, [inv, start], figs)))).toEqual([
      '「西岭乡」固定资产投资：月度目标 0.9 → 1.2',
      '「西岭乡」固定资产投资：上年同期 1 → 无',
    ]);
  });
});

describe('missedTargets', () => {
  const directionOf = new Map<string, Direction>([
    ['inv', 'up'],
    ['npl', 'down'],
  ]);
  const t = (unitId: string, metricId: string, target: number): Target => ({ unitId, metricId, target });

  it('owes a 书面说明 for an up target not reached, a down limit exceeded, and one never reported', () => {
    const targets = [
      t('u1', 'inv', 10), // 9.5 < 10: missed
      t('u2', 'inv', 10), // exactly 10: reached
      t('u1', 'npl', 3.2), // 3.5 > 3.2: exceeded
      t('u2', 'npl', 3.2), // exactly 3.2: within
      t('u3', 'npl', 3.2), // 2.9: within
      t('u3', 'inv', 10), // never reported
    ];
    const finalValues = new Map([
      [figureKey('u1', 'inv'), 9.5],
      [figureKey('u2', 'inv'), 10],
      [figureKey('u1', 'npl'), 3.5],
      [figureKey('u2', 'npl'), 3.2],
      [figureKey('u3', 'npl'), 2.9],
    ]);
    expect(missedTargets(targets, directionOf, finalValues)).toEqual([
      { unitId: 'u1', metricId: 'inv', target: 10, value: 9.5 },
      { unitId: 'u1', metricId: 'npl', target: 3.2, value: 3.5 },
      { unitId: 'u3', metricId: 'inv', target: 10, value: null },
    ]);
  });

  it('counts a reported 0 as a miss with its value, not as never reported', () => {
    expect(missedTargets([t('u1', 'inv', 10)], directionOf, new Map([[figureKey('u1', 'inv'), 0]]))).toEqual([
      { unitId: 'u1', metricId: 'inv', target: 10, value: 0 },
    ]);
  });
});

describe('months', () => {
  it('ends February on the 29th in a leap year and the 28th otherwise', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2025-02')).toBe('2025-02-28');
    expect(periodEnd('2100-02')).toBe('2100-02-28'); // divisible by 100, not by 400
    expect(periodEnd('2025-12')).toBe('2025-12-31');
    expect(periodEnd('2025-04')).toBe('2025-04-30');
  });

  it('steps from December to January and back across the year end', () => {
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2025-09')).toBe('2025-10');
    expect(previousPeriod('2025-10')).toBe('2025-09');
  });

  it('lists the months a campaign touches across a year end, partial months included', () => {
    expect(campaignPeriods('2025-11-15', '2026-02-10')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(campaignPeriods('2025-10-01', '2025-10-31')).toEqual(['2025-10']);
  });

  it('closes a month only the day after its last day', () => {
    expect(isClosed('2025-10', '2025-10-31')).toBe(false);
    expect(isClosed('2025-10', '2025-11-01')).toBe(true);
    expect(isClosed('2025-12', '2025-12-31')).toBe(false);
    expect(isClosed('2025-12', '2026-01-01')).toBe(true);
    expect(isClosed('2024-02', '2024-02-29')).toBe(false);
  });

  it('names a month in Chinese and finds the month of a day', () => {
    expect(periodName('2025-01')).toBe('2025年1月');
    expect(periodName('2025-10')).toBe('2025年10月');
    expect(periodOf('2025-10-31')).toBe('2025-10');
  });
});
