import { addDays, dayOf, daysBetween, hourOf, isoOf, maxDay, minDay } from './days';
import fc from 'fast-check';

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

describe('the wall clock of any zone, against dayjs and its time-zone plugin', () => {
  const zones = [
    'Asia/Shanghai',
    'Asia/Urumqi',
    'UTC',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe', // a 30-minute daylight shift
    'Asia/Kathmandu', // UTC+5:45
    'Pacific/Chatham', // UTC+12:45, with daylight saving
    'America/St_Johns', // UTC−3:30, with daylight saving
    'Pacific/Apia', // skipped 30 December 2011 when it crossed the date line
  ];
  // Instants where a zone's offset changes: the hours around them are where a cached or fixed offset goes wrong.
  const edges = [
    '2024-03-10T07:00:00Z', // New York springs forward
    '2024-11-03T06:00:00Z', // and falls back
    '2024-03-31T01:00:00Z', // London
    '2024-10-27T01:00:00Z',
    '2024-04-06T15:00:00Z', // Lord Howe, half an hour back
    '2024-10-05T15:30:00Z',
    '2024-04-06T14:00:00Z', // Chatham
    '2024-09-28T14:00:00Z',
    '2024-03-10T05:30:00Z', // St John's
    '2011-12-30T10:00:00Z', // Apia's missing day
    '2025-12-31T16:00:00Z', // midnight in Shanghai, a year end
  ].map((t) => Date.parse(t));
  const zoned = async () => (await import('dayjs')).default;

  it('gives the day and the hour dayjs gives, at any instant from 1992 to 2100', async () => {
    const dayjs = await zoned();
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // Since 1992: Shanghai's fixed UTC+8 holds from then on (China kept daylight saving 1986–1991).
        fc.integer({ min: Date.parse('1992-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }),
        (tz, t) => {
          const wall = dayjs(t).tz(tz);
          expect(dayOf(t, tz)).toBe(wall.format('YYYY-MM-DD'));
          expect(hourOf(t, tz)).toBe(wall.hour());
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the day and the hour dayjs gives within two hours of an offset change, to the millisecond', async () => {
    const dayjs = await zoned();
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...edges),
        fc.integer({ min: -7_200_000, max: 7_200_000 }),
        (tz, edge, delta) => {
          const t = edge + delta;
          const wall = dayjs(t).tz(tz);
          expect(dayOf(t, tz)).toBe(wall.format('YYYY-MM-DD'));
          expect(hourOf(t, tz)).toBe(wall.hour());
        },
      ),
      { numRuns: 3000 },
    );
    // The first and last millisecond of the skipped day: Apia went from 29 December straight to 31.
    const skip = Date.parse('2011-12-30T10:00:00Z');
    expect(dayOf(skip - 1, 'Pacific/Apia')).toBe('2011-12-29');
    expect(dayOf(skip, 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('refuses a zone the clock cannot read, as dayjs did', () => {
    expect(() => dayOf(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('day arithmetic, against dayjs in UTC', () => {
  const day = fc
    .integer({
      min: Date.parse('1900-01-01T00:00:00Z') / 86_400_000,
      max: Date.parse('2200-01-01T00:00:00Z') / 86_400_000,
    })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

  it('adds and counts days as dayjs does, across months, leap years and centuries', async () => {
    const dayjs = (await import('dayjs')).default;
    fc.assert(
      fc.property(day, day, fc.integer({ min: -40_000, max: 40_000 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(dayjs.utc(a).add(n, 'day').format('YYYY-MM-DD'));
        expect(daysBetween(a, b)).toBe(dayjs.utc(b).diff(dayjs.utc(a), 'day'));
        expect(daysBetween(a, addDays(a, n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes any instant as the ISO text dayjs writes, before 1970 too', async () => {
    const dayjs = (await import('dayjs')).default;
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), (t) => {
        expect(isoOf(t)).toBe(dayjs(t).toISOString());
      }),
      { numRuns: 3000 },
    );
  });

  it('answers text that is not YYYY-MM-DD as dayjs does', async () => {
    const dayjs = (await import('dayjs')).default;
    for (const odd of [
      '2025-02-30',
      '2025-02-31',
      '2025-13-01',
      '2025-00-10',
      '2025-3-3',
      '20250303',
      'not a day',
      '',
      '0099-01-01',
    ]) {
      expect(addDays(odd, 1)).toBe(dayjs.utc(odd).add(1, 'day').format('YYYY-MM-DD'));
      expect(Number.isNaN(daysBetween(odd, '2025-03-03'))).toBe(
        Number.isNaN(dayjs.utc('2025-03-03').diff(dayjs.utc(odd), 'day')),
      );
    }
    expect(addDays('2025-02-30', 0)).toBe('2025-03-02');
    expect(dayOf(NaN)).toBe(dayjs(NaN).format('YYYY-MM-DD'));
    expect(isoOf(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(() => isoOf(NaN)).toThrow(RangeError);
  });
});
