import { quality } from './quality';

const u = 'u1';

describe('quality', () => {
  it('is 100 while no problem is due', () => {
    expect(quality([], '2025-10-10')).toEqual({ score: 100, counted: 0, onTime: 0 });
    expect(quality([{ unitId: u, dueDay: '2025-10-20', closedDay: null }], '2025-10-10').score).toBe(100);
  });

  it('still allows closing on the due day itself', () => {
    expect(quality([{ unitId: u, dueDay: '2025-10-10', closedDay: null }], '2025-10-10').counted).toBe(0);
  });

  it('is the share closed on time: 1 on time of 2 due → 50', () => {
    const r = quality(
      [
        { unitId: u, dueDay: '2025-10-01', closedDay: '2025-09-30' }, // on time
        { unitId: u, dueDay: '2025-10-05', closedDay: '2025-10-08' }, // late
        { unitId: u, dueDay: '2025-10-20', closedDay: null }, // not due yet
      ],
      '2025-10-10',
    );
    expect(r).toEqual({ score: 50, counted: 2, onTime: 1 });
  });

  it('counts a problem open past its due date as missed (0 of 1 → 0)', () => {
    expect(quality([{ unitId: u, dueDay: '2025-10-05', closedDay: null }], '2025-10-10').score).toBe(0);
  });

  it('judges a problem closed early only once its due date has passed', () => {
    // Closed 10-09, due 10-20: on 10-10 nothing is due yet → 100 with nothing counted.
    const early = { unitId: u, dueDay: '2025-10-20', closedDay: '2025-10-09' };
    expect(quality([early], '2025-10-10')).toEqual({ score: 100, counted: 0, onTime: 0 });
    // Beside one open past its due date: 0 of 1 due → 0, not 1 of 2.
    const overdue = { unitId: u, dueDay: '2025-10-05', closedDay: null };
    expect(quality([early, overdue], '2025-10-10')).toEqual({ score: 0, counted: 1, onTime: 0 });
    // On 10-21 both are due: the early close is on time → 1 of 2 → 50.
    expect(quality([early, overdue], '2025-10-21')).toEqual({ score: 50, counted: 2, onTime: 1 });
  });

  it('counts a problem closed late as missed for good, and one due today not yet', () => {
    const late = { unitId: u, dueDay: '2025-10-05', closedDay: '2025-10-07' };
    const dueToday = { unitId: u, dueDay: '2025-10-10', closedDay: null };
    expect(quality([late, dueToday], '2025-10-10')).toEqual({ score: 0, counted: 1, onTime: 0 });
    expect(quality([late], '2025-12-31').score).toBe(0);
    // Three due, two on time (one on its due day): 2/3 → 66.67.
    const r = quality(
      [
        { unitId: u, dueDay: '2025-10-01', closedDay: '2025-10-01' },
        { unitId: u, dueDay: '2025-10-02', closedDay: '2025-09-20' },
        late,
      ],
      '2025-10-10',
    );
    expect(r.counted).toBe(3);
    expect(r.onTime).toBe(2);
    expect(r.score).toBeCloseTo(200 / 3, 9);
  });

  it('judges a problem by what was known at that day', () => {
    // Closed on its due day: on time. Closed 10-08: as of 10-06 it was still open and overdue.
    expect(quality([{ unitId: u, dueDay: '2025-10-05', closedDay: '2025-10-05' }], '2025-10-06').score).toBe(
      100,
    );
    expect(quality([{ unitId: u, dueDay: '2025-10-05', closedDay: '2025-10-08' }], '2025-10-06').score).toBe(
      0,
    );
  });
});
