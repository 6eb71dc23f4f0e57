import { arena } from '../../testing/fixtures';
import { figureRangeProblem } from '../../../core/domain/figure-range';
import { checkDraft, parseFigure, type EditorMetric } from './validate';

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({
  metric,
  current: metric.id === 'm-invest' ? 4 : metric.id === 'm-count' ? 3 : null,
  target: arena.target('u1', metric.id) ?? 0,
}));

describe('figure checks', () => {
  it('accepts plain decimals and refuses words, in Chinese', () => {
    expect(parseFigure(' 12.5 ')).toEqual({ value: 12.5 });
    expect(parseFigure('0')).toEqual({ value: 0 });
    expect(parseFigure('1e9')).toEqual({ error: '请输入数字' });
    expect(parseFigure('十二')).toEqual({ error: '请输入数字' });
    expect(parseFigure('1000000000')).toEqual({ value: 1e9 });
    expect(parseFigure('1000000000.5')).toEqual({ error: '数值不能超过 10 亿' });
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
