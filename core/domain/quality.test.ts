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

  it('credits a problem closed early before its due date arrives', () => {
    expect(quality([{ unitId: u, dueDay: '2025-10-20', closedDay: '2025-10-09' }], '2025-10-10')).toEqual({
      score: 100,
      counted: 1,
      onTime: 1,
    });
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
