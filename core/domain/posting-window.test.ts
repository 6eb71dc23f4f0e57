import { postingDay } from './posting-window';

const E = '2025-12-09';

describe('the posting window after the end (DOMAIN.md "Settled details")', () => {
  it('counts a post on its own day up to and on the end day', () => {
    expect(postingDay('2025-10-10', E)).toEqual({ open: true, day: '2025-10-10' });
    expect(postingDay(E, E)).toEqual({ open: true, day: E });
  });

  it('lets final figures in for 15 days after the end, counted as of the end day', () => {
    expect(postingDay('2025-12-10', E)).toEqual({ open: true, day: E });
    // 12-09 + 15 days = 12-24: the last day for final figures
    expect(postingDay('2025-12-24', E)).toEqual({ open: true, day: E });
  });

  it('closes the campaign after that, and follows the campaign\'s own lateDays', () => {
    expect(postingDay('2025-12-25', E)).toEqual({ open: false, closedAfter: E, lateDays: 15 });
    expect(postingDay('2025-12-13', E, 3)).toEqual({ open: false, closedAfter: E, lateDays: 3 });
    expect(postingDay('2025-12-10', E, 0)).toEqual({ open: false, closedAfter: E, lateDays: 0 });
  });
});
