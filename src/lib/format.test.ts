import { fmtNumber, fmtPercent, withMeasure } from './format';

describe('number formatting for Chinese readers', () => {
  it('trims trailing zeros but keeps meaningful decimals', () => {
    expect(fmtNumber(12)).toBe('12');
    expect(fmtNumber(12.5)).toBe('12.5');
    expect(fmtNumber(12.345)).toBe('12.35');
    expect(fmtNumber(Number.NaN)).toBe('—');
  });
  it('shows ratios as percentages and sticks % to the number', () => {
    expect(fmtPercent(0.4234)).toBe('42.3%');
    expect(withMeasure(85, '%')).toBe('85%');
    expect(withMeasure(3.2, '亿元')).toBe('3.2 亿元');
  });
});
