import { arena } from '../../testing/fixtures';
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
});
