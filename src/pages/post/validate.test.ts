import { arena } from '../../testing/fixtures';
import { figureRangeProblem } from '../../../core/domain/figure-range';
import { checkDraft, parseFigure, type EditorMetric } from './validate';

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({
  metric,
  current: metric.id === 'm-invest' ? 4 : metric.id === 'm-count' ? 3 : null,
  target: arena.target('u1', metric.id) ?? 0,
}));

describe('figure checks', () => {
  it('accepts plain and full-width decimals and refuses words, in Chinese', () => {
    expect(parseFigure(' 12.5 ')).toEqual({ value: 12.5 });
    expect(parseFigure('0')).toEqual({ value: 0 });
    expect(parseFigure('１２．５')).toEqual({ value: 12.5 });
    expect(parseFigure('1e9')).toEqual({ error: '「1e9」不是数字：只能填数字和一个小数点，如 12.5' });
    expect(parseFigure('十二')).toEqual({ error: '「十二」不是数字：只能填数字和一个小数点，如 12.5' });
    expect(parseFigure('1000000000')).toEqual({ value: 1e9 });
  });

  it('refuses a typo at its field instead of posting another number', () => {
    for (const typo of ['1a2', '-5', '0.5.5', '1e5']) {
      const c = checkDraft({ values: { 'm-invest': typo }, text: '', correctionReason: '' }, rows);
      expect(c.ok).toBe(false);
      expect(c.figures).toEqual([]);
      expect(c.fieldErrors['m-invest']).toBeTruthy();
    }
  });

  it('says the 10 亿 cap in the field’s own measure', () => {
    const c = checkDraft({ values: { 'm-invest': '1000000000.5' }, text: '', correctionReason: '' }, [
      { ...rows[0]!, target: 0 },
    ]);
    expect(c.fieldErrors['m-invest']).toContain('上限为 1000000000 亿元');
    expect(c.fieldErrors['m-invest']).not.toMatch(/不能超过 10 亿(?!元)/);
  });

  it('asks to confirm a figure far from the last one, and not an ordinary step', () => {
    const scale = { campaignDays: 100 };
    const big = checkDraft({ values: { 'm-invest': '19' }, text: '', correctionReason: '' }, rows, scale);
    expect(big.ok).toBe(true);
    expect(big.jumps['m-invest']).toBe('「完成投资」填 19 亿元，比上次多 15 亿元，是否确认？');
    const step = checkDraft({ values: { 'm-invest': '4.5' }, text: '', correctionReason: '' }, rows, scale);
    expect(step.jumps).toEqual({});
  });

  it('treats a running total or a count going down as a correction that needs a reason', () => {
    const c = checkDraft(
      { values: { 'm-count': '2', 'm-invest': '3.9' }, text: '', correctionReason: '' },
      rows,
    );
    expect(c.decreased).toEqual(['m-invest', 'm-count']);
    expect(c.reasonError).toContain('签约项目（上次 3）');
    expect(c.ok).toBe(false);
    const fixed = checkDraft(
      { values: { 'm-count': '2', 'm-invest': '3.9' }, text: '', correctionReason: '口径调整' },
      rows,
    );
    expect(fixed.ok).toBe(true);
    expect(fixed.figures).toHaveLength(2);
  });

  it('lets a text-only post through and refuses one over 2000 characters', () => {
    expect(checkDraft({ values: {}, text: '今日调研', correctionReason: '' }, rows).ok).toBe(true);
    const long = checkDraft({ values: {}, text: '字'.repeat(2001), correctionReason: '' }, rows);
    expect(long.formError).toBe('说明不能超过 2000 字');
  });

  it('refuses a figure out of its plausible range, in the words of core/domain/figure-range.ts', () => {
    const c = checkDraft(
      {
        values: { 'm-invest': '35000', 'm-rate': '1000.5', 'm-count': '400' },
        text: '',
        correctionReason: '',
      },
      rows,
    );
    expect(c.ok).toBe(false);
    expect(c.figures).toEqual([{ metricId: 'm-count', value: 400 }]); // 100 × the target of 4
    expect(c.fieldErrors).toEqual({
      'm-invest': figureRangeProblem(arena.metric('m-invest')!, 10, 35000),
      'm-rate':
        '「开工率」应在 0–1000% 之间（百分数），你填的是 1000.5%。请填写百分数的数字部分，如 85% 填 85。',
    });
    expect(c.fieldErrors['m-invest']).toContain('应在 0–1000 亿元 之间');
  });
});
