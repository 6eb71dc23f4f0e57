import { dayText, dueInText, instantText } from './dates';

describe('dates in words', () => {
  it('says a day without its year in the same year, with it across a new year', () => {
    expect(dayText('2025-03-01', '2025-02-10')).toBe('3月1日');
    expect(dayText('2026-01-05', '2025-02-10')).toBe('2026年1月5日');
    expect(dayText('2024-12-31', '2025-01-01')).toBe('2024年12月31日');
  });
  it('says how far a due date is, counting Shanghai days', () => {
    expect(dueInText('2025-02-10', '2025-02-10')).toBe('今天到期');
    expect(dueInText('2025-02-13', '2025-02-10')).toBe('还剩 3 天');
    expect(dueInText('2025-02-08', '2025-02-10')).toBe('已过 2 天');
    expect(dueInText('2025-03-01', '2025-02-28')).toBe('还剩 1 天');
  });
  it('says an instant in Shanghai wall time, past midnight UTC too, and nothing for a broken one', () => {
    expect(instantText('2025-02-09T16:30:00.000Z')).toBe('2025-02-10 00:30');
    expect(instantText('2025-02-10T03:05:59.000Z')).toBe('2025-02-10 11:05');
    expect(instantText('not a time')).toBe('');
    expect(instantText('')).toBe('');
  });
});
