// The editor asks for a correction reason exactly when the server would refuse the post without one:
// one post walked through the client's checkDraft and the server's decideFigures, for every metric
// kind × direction × a value that goes up, down or stays the same.
import type { Metric } from '../../../core/contract';
import { indexCampaign } from '../../../core/app/campaigns/view';
import { decideFigures } from '../../../core/app/posts/decide-figures';
import { checkFigures } from '../../../core/app/posts/rules';
import type { LatestFigure, PostDraft } from '../../../core/app/ports';
import type { MetricInfo } from '../../lib/arena';
import { checkDraft } from './validate';

const kinds: Metric['kind'][] = ['cumulative', 'rate', 'count'];
const directions: Metric['direction'][] = ['up', 'down'];
const moves = { up: 6, down: 4, same: 5 } as const;
const PREVIOUS = 5;

const metricOf = (kind: Metric['kind'], direction: Metric['direction']): MetricInfo => ({
  id: `m-${kind}-${direction}`,
  name: `${kind}-${direction}`,
  measure: '个',
  kind,
  direction,
  trackId: 't1',
  trackName: '百日攻坚',
});

function serverVerdict(metric: MetricInfo, value: number, reason: string): 'ok' | 'CONFLICT' | string {
  const draft: PostDraft = {
    campaignId: 'c1',
    unitId: 'u1',
    authorId: 'user-1',
    authorName: '填报员',
    createdAt: '2025-02-01T02:00:00.000Z',
    day: '2025-02-01',
    text: '',
    photos: [],
    requestId: 'r1',
    figures: [{ metricId: metric.id, value }],
    correctionReason: reason || null,
    flagged: false,
  };
  const latest = new Map<string, LatestFigure>([
    [metric.id, { unitId: 'u1', metricId: metric.id, value: PREVIOUS, day: '2025-01-20' }],
  ]);
  const r = decideFigures({ metrics: [metric] }, draft)(latest);
  return r.ok ? 'ok' : r.error.code;
}

describe('the editor and the server agree on when a lowered figure needs a reason', () => {
  for (const kind of kinds) {
    for (const direction of directions) {
      for (const [move, value] of Object.entries(moves)) {
        it(`${kind} × ${direction} × ${move}`, () => {
          const metric = metricOf(kind, direction);
          const row = { metric, current: PREVIOUS, target: 10 };
          const client = checkDraft(
            { values: { [metric.id]: String(value) }, text: '', correctionReason: '' },
            [row],
          );
          const server = serverVerdict(metric, value, '');
          // The form asks for a reason exactly when the server refuses for want of one.
          expect(client.reasonError !== null).toBe(server === 'CONFLICT');
          expect(client.ok).toBe(server === 'ok');
          // With the reason given, both let the post through.
          const withReason = checkDraft(
            { values: { [metric.id]: String(value) }, text: '', correctionReason: '口径调整' },
            [row],
          );
          expect(withReason.ok).toBe(true);
          expect(serverVerdict(metric, value, '口径调整')).toBe('ok');
        });
      }
    }
  }

  // What a reporter types, full-width digits included, is read as the server reads the number sent.
  it.each([
    ['４', 4],
    ['4.0', 4],
    ['５', 5],
    ['６．５', 6.5],
  ])('a count at 5, typed %j: the form asks for a reason exactly when the server would', (typed, value) => {
    const metric = metricOf('count', 'up');
    const client = checkDraft({ values: { [metric.id]: typed }, text: '', correctionReason: '' }, [
      { metric, current: PREVIOUS, target: 10 },
    ]);
    expect(client.figures).toEqual([{ metricId: metric.id, value }]);
    expect(client.decreased.length > 0).toBe(serverVerdict(metric, value, '') === 'CONFLICT');
  });

  it('really refuses somewhere: a count and a cumulative going down need a reason', () => {
    expect(serverVerdict(metricOf('count', 'up'), 4, '')).toBe('CONFLICT');
    expect(serverVerdict(metricOf('cumulative', 'down'), 4, '')).toBe('CONFLICT');
    expect(serverVerdict(metricOf('rate', 'up'), 4, '')).toBe('ok');
  });
});

// The editor refuses a figure out of its plausible range exactly when the server's checkFigures does,
// with the same words (the server's only adds which field), for every kind × direction × measure.
describe('the editor and the server agree on which figures nobody can have', () => {
  const TARGET = 3.5;
  const measures = ['%', '亿元', '个'];
  const values = [0, 3.5, 350, 350.01, 1_000, 1_000.5, 35_000, 999_999_999];

  function serverMessage(metric: MetricInfo, value: number): string | null {
    const { trackId, trackName: _trackName, ...rest } = metric;
    const view = indexCampaign(
      {
        cityId: 'city',
        campaign: {
          id: 'c1',
          name: '竞赛',
          startDate: '2025-01-01',
          endDate: '2025-04-10',
          timezone: 'Asia/Shanghai',
          weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
        },
        tracks: [{ id: trackId, name: '百日攻坚', leadUnitId: 'u1' }],
        metrics: [{ ...rest, trackId }],
        units: [{ id: 'u1', name: '东城街道', division: '乡镇街道' }],
        targets: [{ unitId: 'u1', metricId: metric.id, target: TARGET }],
      },
      1,
    );
    const error = checkFigures('u1', [{ metricId: metric.id, value }], '', view);
    return error && error.message.replace(/^figures\.0\.value：/, '');
  }

  for (const kind of kinds) {
    for (const direction of directions) {
      for (const measure of measures) {
        it(`${kind} × ${direction} × ${measure}`, () => {
          const metric = { ...metricOf(kind, direction), measure };
          for (const value of values) {
            const client = checkDraft(
              { values: { [metric.id]: String(value) }, text: '', correctionReason: '' },
              [{ metric, current: null, target: TARGET }],
            );
            expect({ value, message: client.fieldErrors[metric.id] ?? null }).toEqual({
              value,
              message: serverMessage(metric, value),
            });
          }
        });
      }
    }
  }

  it('really refuses somewhere, and a range the campaign set counts on both sides', () => {
    expect(serverMessage({ ...metricOf('rate', 'up'), measure: '%' }, 1_000.5)).toContain('0–1000%');
    expect(serverMessage({ ...metricOf('cumulative', 'up'), measure: '亿元' }, 35_000)).toContain('应填 3.5');
    const set = { ...metricOf('rate', 'down'), measure: '%', range: { min: 0, max: 20 } };
    expect(serverMessage(set, 25)).toContain('0–20%');
    expect(
      checkDraft({ values: { [set.id]: '25' }, text: '', correctionReason: '' }, [
        { metric: set, current: null, target: TARGET },
      ]).fieldErrors[set.id],
    ).toBe(serverMessage(set, 25));
  });
});
