import type { LatestFigure, PostDraft } from '../ports';
import { decideFigures } from './decide-figures';
import { campaign } from '../../../tests/app/arena';

const draft = (figures: PostDraft['figures'], correctionReason: string | null = null): PostDraft => ({
  campaignId: 'c1',
  unitId: 'D',
  authorId: 'rep-d',
  authorName: '陈静',
  createdAt: '2025-10-10T02:00:00.000Z',
  day: '2025-10-10',
  figures,
  text: '',
  photos: [],
  correctionReason,
  requestId: 'request-x',
});

const latest = (entries: Array<[string, number]>) =>
  new Map<string, LatestFigure>(
    entries.map(([metricId, value]) => [metricId, { unitId: 'D', metricId, value, day: '2025-10-09' }]),
  );

describe('decideFigures (inside the store transaction)', () => {
  it('fills previous from the latest value, null for a first report', () => {
    const decide = decideFigures(
      campaign,
      draft([
        { metricId: 'm-signed', value: 3 },
        { metricId: 'm-invest', value: 1 },
      ]),
    );
    expect(decide(latest([['m-signed', 2]]))).toEqual({
      ok: true,
      figures: [
        { metricId: 'm-signed', value: 3, previous: 2 },
        { metricId: 'm-invest', value: 1, previous: null },
      ],
    });
  });

  it('allows an unchanged running total', () => {
    expect(
      decideFigures(campaign, draft([{ metricId: 'm-signed', value: 2 }]))(latest([['m-signed', 2]])).ok,
    ).toBe(true);
  });

  it('refuses a lowered count with the latest value in the message', () => {
    const r = decideFigures(campaign, draft([{ metricId: 'm-signed', value: 1 }]))(latest([['m-signed', 2]]));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('「签约项目」最新累计值为 2个，本次填报 1个 低于它'),
      },
    });
  });

  it('does not take a blank reason for a correction', () => {
    const r = decideFigures(
      campaign,
      draft([{ metricId: 'm-signed', value: 1 }], '   '),
    )(latest([['m-signed', 2]]));
    expect(r.ok).toBe(false);
  });

  it('gives the same answer when a store retries it', () => {
    const decide = decideFigures(campaign, draft([{ metricId: 'm-signed', value: 1 }], '录入错误'));
    const seen = latest([['m-signed', 2]]);
    expect(decide(seen)).toEqual(decide(seen));
    expect(decide(seen)).toEqual({ ok: true, figures: [{ metricId: 'm-signed', value: 1, previous: 2 }] });
  });
});
