import { addDays, dayOf, daysBetween, hourOf, isoOf, maxDay, minDay } from './days';

describe('campaign days', () => {
  it('puts 16:30Z on the next Shanghai day (UTC+8 → 00:30)', () => {
    // 2025-03-01T16:30Z + 8 h = 2025-03-02T00:30 in Shanghai
    expect(dayOf(Date.parse('2025-03-01T16:30:00Z'))).toBe('2025-03-02');
  });

  it('keeps 15:59Z on the same Shanghai day (23:59 local)', () => {
    expect(dayOf(Date.parse('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
  });

  it('honours another zone when the campaign names one', () => {
    // 2025-03-01T03:00Z − 5 h = 2025-02-28T22:00 in New York (EST)
    expect(dayOf(Date.parse('2025-03-01T03:00:00Z'), 'America/New_York')).toBe('2025-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-09-30', 1)).toBe('2025-10-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('counts whole days between two days', () => {
    // Sep 1 → Dec 9: 29 (rest of Sep) + 31 + 30 + 9 = 99
    expect(daysBetween('2025-09-01', '2025-12-09')).toBe(99);
    expect(daysBetween('2025-10-10', '2025-10-01')).toBe(-9);
  });

  it('formats an instant as ISO text in UTC', () => {
    expect(isoOf(Date.parse('2025-10-10T02:00:00Z'))).toBe('2025-10-10T02:00:00.000Z');
  });

  it('picks the earlier and later day', () => {
    expect(minDay('2025-10-10', '2025-09-30')).toBe('2025-09-30');
    expect(maxDay('2025-10-10', '2025-09-30')).toBe('2025-10-10');
  });
});

describe('the fixed UTC+8 shortcut for Asia/Shanghai', () => {
  it('gives the same day and hour as the time-zone database, hour by hour over four years', async () => {
    const { default: dayjs } = await import('dayjs');
    const start = Date.parse('2024-01-01T00:00:00Z');
    for (let t = start; t < start + 4 * 366 * 86_400_000; t += 3_600_000 + 17_000) {
      const zoned = dayjs(t).tz('Asia/Shanghai');
      expect(dayOf(t, 'Asia/Shanghai')).toBe(zoned.format('YYYY-MM-DD'));
      expect(hourOf(t, 'Asia/Shanghai')).toBe(zoned.hour());
    }
  });
});
