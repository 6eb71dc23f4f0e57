import { hourOf } from './days';
import { isQuietHour, reminderKey, unitsOwingPost } from './reminders';

describe('quiet hours (22:00–08:00)', () => {
  it('are quiet from 22:00 through 07:59 and open from 08:00 through 21:59', () => {
    const quiet = Array.from({ length: 24 }, (_, h) => h).filter(isQuietHour);
    expect(quiet).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 22, 23]);
  });

  it('read the hour in the campaign zone, not the server’s', () => {
    // 2025-10-10T01:00Z is 09:00 in Shanghai, and 21:00 the day before in New York.
    expect(hourOf(Date.parse('2025-10-10T01:00:00Z'))).toBe(9);
    expect(hourOf(Date.parse('2025-10-10T14:30:00Z'))).toBe(22);
    expect(hourOf(Date.parse('2025-10-10T01:00:00Z'), 'America/New_York')).toBe(21);
  });
});

describe('units owing a post', () => {
  const base = {
    start: '2025-09-01',
    end: '2025-12-09',
    unitIds: ['A', 'B', 'C'],
    postEveryDays: 7,
  };

  it('owes after seven whole days without a post, not before', () => {
    const lastPostDays = new Map([['A', '2025-10-01']]);
    // 10-02 … 10-08 is seven whole days: reminded on the morning of 10-09.
    expect(unitsOwingPost({ ...base, unitIds: ['A'], today: '2025-10-08', lastPostDays })).toEqual([]);
    expect(unitsOwingPost({ ...base, unitIds: ['A'], today: '2025-10-09', lastPostDays })).toEqual([
      { unitId: 'A', idleDays: 7, lastDay: '2025-10-01' },
    ]);
  });

  it('counts from the campaign start for a unit that never posted', () => {
    const none = new Map<string, string>();
    expect(unitsOwingPost({ ...base, today: '2025-09-07', lastPostDays: none })).toEqual([]);
    expect(unitsOwingPost({ ...base, unitIds: ['B'], today: '2025-09-08', lastPostDays: none })).toEqual([
      { unitId: 'B', idleDays: 7, lastDay: null },
    ]);
  });

  it('keeps owing day after day until the unit posts', () => {
    const lastPostDays = new Map([['A', '2025-10-01']]);
    const owed = unitsOwingPost({ ...base, unitIds: ['A'], today: '2025-10-20', lastPostDays });
    expect(owed.map((o) => o.idleDays)).toEqual([18]);
  });

  it('leaves out a unit that posted recently and honours the campaign’s own postEveryDays', () => {
    const lastPostDays = new Map([
      ['A', '2025-10-09'],
      ['B', '2025-10-05'],
    ]);
    const owed = unitsOwingPost({ ...base, postEveryDays: 3, today: '2025-10-10', lastPostDays });
    expect(owed.map((o) => o.unitId)).toEqual(['B', 'C']);
  });

  it('defaults to seven days when the campaign sets none', () => {
    const { postEveryDays: _unused, ...noSetting } = base;
    const lastPostDays = new Map([['A', '2025-10-01']]);
    expect(unitsOwingPost({ ...noSetting, unitIds: ['A'], today: '2025-10-08', lastPostDays })).toEqual([]);
    expect(unitsOwingPost({ ...noSetting, unitIds: ['A'], today: '2025-10-09', lastPostDays })).toHaveLength(1);
  });

  it('owes nothing before the campaign starts or after it ends', () => {
    const none = new Map<string, string>();
    expect(unitsOwingPost({ ...base, today: '2025-08-31', lastPostDays: none })).toEqual([]);
    expect(unitsOwingPost({ ...base, today: '2025-12-10', lastPostDays: none })).toEqual([]);
    expect(unitsOwingPost({ ...base, today: '2025-12-09', lastPostDays: none })).toHaveLength(3);
  });
});

describe('the reminder key', () => {
  it('differs by user, kind, subject and period', () => {
    const keys = new Set([
      reminderKey('u1', 'no_post', 'A', '2025-10-10'),
      reminderKey('u2', 'no_post', 'A', '2025-10-10'),
      reminderKey('u1', 'problem_overdue', 'A', '2025-10-10'),
      reminderKey('u1', 'no_post', 'B', '2025-10-10'),
      reminderKey('u1', 'no_post', 'A', '2025-10-11'),
    ]);
    expect(keys.size).toBe(5);
    expect(reminderKey('u1', 'no_post', 'A', '2025-10-10')).toBe('u1|no_post|A|2025-10-10');
  });
});
