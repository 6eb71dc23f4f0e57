// The range a reported figure must fall in, and the message that says what to do about one outside it:
// the one rule the server (post.create) and the editor both apply.
import { Metric } from '../contract';
import { figureRange, figureRangeProblem } from './figure-range';

const kinds: Metric['kind'][] = ['cumulative', 'rate', 'count'];
const directions: Metric['direction'][] = ['up', 'down'];

const metric = (over: Partial<Metric> = {}): Metric => ({
  id: 'm',
  name: '特色小镇完成投资',
  measure: '亿元',
  kind: 'cumulative',
  direction: 'up',
  ...over,
});

describe('figure range: every kind × direction', () => {
  for (const kind of kinds) {
    for (const direction of directions) {
      it(`${kind} × ${direction} measured in %: 0–1000 %, whatever the target`, () => {
        const m = metric({ name: '开工率', measure: '%', kind, direction });
        expect(figureRange(m, 3.2)).toEqual({ min: 0, max: 1000, basis: 'percent' });
        for (const ok of [0, 3.2, 100, 120, 1000]) expect(figureRangeProblem(m, 3.2, ok)).toBeNull();
        for (const bad of [-0.5, 1000.5, 999_999_999])
          expect(figureRangeProblem(m, 3.2, bad)).toContain('0–1000%');
      });

      it(`${kind} × ${direction} in another measure: 0 to 100 × the target`, () => {
        const m = metric({ name: '新增工业机器人', measure: '台', kind, direction });
        expect(figureRange(m, 300)).toEqual({ min: 0, max: 30_000, basis: 'target' });
        for (const ok of [0, 1, 300, 2_999, 30_000]) expect(figureRangeProblem(m, 300, ok)).toBeNull();
        for (const bad of [-1, 30_001, 999_999_999])
          expect(figureRangeProblem(m, 300, bad)).toContain('0–30000 台');
      });

      it(`${kind} × ${direction} with a range the campaign set: that range, in place of the default`, () => {
        const pct = metric({ name: '不良贷款率', measure: '%', kind, direction, range: { min: 0, max: 20 } });
        expect(figureRange(pct, 3.2)).toEqual({ min: 0, max: 20, basis: 'campaign' });
        expect(figureRangeProblem(pct, 3.2, 20)).toBeNull();
        expect(figureRangeProblem(pct, 3.2, 25)).toBe(
          '「不良贷款率」应在 0–20% 之间（本竞赛为该指标设定的范围），你填的是 25%。请核对数值。',
        );
        // A range may also allow more than the default: a small target in a big year.
        const wide = metric({ kind, direction, range: { min: 1, max: 5_000 } });
        expect(figureRangeProblem(wide, 3.5, 4_000)).toBeNull();
        expect(figureRangeProblem(wide, 3.5, 0.5)).toBe(
          '「特色小镇完成投资」应在 1–5000 亿元 之间（本竞赛为该指标设定的范围），你填的是 0.5 亿元。请核对数值和单位（应按「亿元」填写）。',
        );
      });
    }
  }
});

describe('figure range: the message', () => {
  it('names the range, the target and the number meant when 亿元 were typed in 万元', () => {
    expect(figureRangeProblem(metric(), 3.5, 35_000)).toBe(
      '「特色小镇完成投资」应在 0–350 亿元 之间（不超过目标 3.5 亿元 的 100 倍），你填的是 35000 亿元。' +
        '请按「亿元」填写：若 35000 是按万元计的，应填 3.5。',
    );
  });

  it('names the number meant when 亿元 were typed in 元, or 万元 in 元', () => {
    expect(figureRangeProblem(metric(), 3.5, 350_000_000)).toContain('若 350000000 是按元计的，应填 3.5。');
    const wan = metric({ name: '技改补助', measure: '万元' });
    expect(figureRangeProblem(wan, 80, 600_000)).toContain(
      '请按「万元」填写：若 600000 是按元计的，应填 60。',
    );
  });

  it('asks to check number and unit when no smaller unit can explain the slip', () => {
    expect(figureRangeProblem(metric({ name: '签约项目', measure: '个', kind: 'count' }), 4, 4_000)).toBe(
      '「签约项目」应在 0–400 个 之间（不超过目标 4 个 的 100 倍），你填的是 4000 个。请核对数值和单位（应按「个」填写）。',
    );
  });

  it('asks for the number of a percentage, not its ten-thousandfold', () => {
    expect(
      figureRangeProblem(metric({ name: '重大项目开工率', measure: '%', kind: 'rate' }), 100, 999_999_999),
    ).toBe(
      '「重大项目开工率」应在 0–1000% 之间（百分数），你填的是 999999999%。请填写百分数的数字部分，如 85% 填 85。',
    );
  });

  it('treats a full-width ％ as a percentage and shows no floating-point noise', () => {
    expect(figureRange(metric({ measure: '％' }), 10).basis).toBe('percent');
    expect(figureRange(metric({ measure: ' % ' }), 10).basis).toBe('percent');
    expect(figureRange(metric(), 0.07).max).toBeCloseTo(7);
    expect(figureRangeProblem(metric(), 0.07, 8)).toContain(
      '应在 0–7 亿元 之间（不超过目标 0.07 亿元 的 100 倍）',
    );
  });

  it('without a usable target keeps only the contract’s bounds, 0–10 亿', () => {
    for (const target of [0, -1, Number.NaN]) {
      expect(figureRange(metric(), target)).toEqual({ min: 0, max: 1e9, basis: 'contract' });
    }
    expect(figureRangeProblem(metric(), 0, 5e8)).toBeNull();
  });
});

describe('a metric’s range in the contract', () => {
  const parse = (range: unknown) => Metric.safeParse({ ...metric(), range });
  const messages = (range: unknown) => {
    const r = parse(range);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('is optional, and kept when given', () => {
    expect(Metric.parse(metric())).toEqual(metric());
    expect(Metric.parse(metric({ range: { min: 0, max: 20 } })).range).toEqual({ min: 0, max: 20 });
  });

  it('is refused below 0, above 10 亿, or upside down, in Chinese', () => {
    expect(messages({ min: -1, max: 20 })).toEqual(['范围下限不能小于 0']);
    expect(messages({ min: 0, max: 2e9 })).toEqual(['范围上限不能超过 10 亿']);
    expect(messages({ min: 20, max: 20 })).toEqual(['指标范围的下限应小于上限']);
    expect(messages({ min: 0 })).toEqual(['范围上限应为数字']);
  });
});
