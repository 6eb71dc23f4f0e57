import { blockers, type BlockerFact } from './blockers';

const day = '2025-10-10';
const p = (id: string, over: Partial<BlockerFact>): BlockerFact => ({
  id,
  category: 'land',
  trackId: 'gongjian',
  status: 'open',
  dueDay: '2025-10-20',
  raisedDay: '2025-09-15',
  ...over,
});

/*
 * By hand:            category  track     status       due    raised
 *   p1                land      gongjian  open         10-20  09-15   open
 *   p2                land      gongjian  in_progress  10-05  09-10   open, overdue
 *   p3                funding   zhaoshang resolved     10-01  09-20   open, overdue (not closed off yet)
 *   p4                funding   gongjian  closed       10-01  09-01   closed
 *   p5                approval  fuwu      reopened     10-10  09-10   open (due today: not overdue)
 * land 2/1/0, funding 1/1/1, approval 1/0/0, the rest 0; gongjian 2/1/1, zhaoshang 1/1/0, fuwu 1/0/0.
 * Oldest open: p2 (09-10, due 10-05), p5 (09-10, due 10-10), p1 (09-15), p3 (09-20).
 */
const problems = [
  p('p1', {}),
  p('p2', { status: 'in_progress', dueDay: '2025-10-05', raisedDay: '2025-09-10' }),
  p('p3', {
    category: 'funding',
    trackId: 'zhaoshang',
    status: 'resolved',
    dueDay: '2025-10-01',
    raisedDay: '2025-09-20',
  }),
  p('p4', { category: 'funding', status: 'closed', dueDay: '2025-10-01', raisedDay: '2025-09-01' }),
  p('p5', {
    category: 'approval',
    trackId: 'fuwu',
    status: 'reopened',
    dueDay: '2025-10-10',
    raisedDay: '2025-09-10',
  }),
];

describe('拆槛除障', () => {
  const b = blockers(problems, ['gongjian', 'zhaoshang', 'fuwu'], day);

  it('counts open, overdue and closed problems by cause, every category listed in order', () => {
    expect(b.byCategory).toEqual([
      { category: 'policy', open: 0, overdue: 0, closed: 0 },
      { category: 'funding', open: 1, overdue: 1, closed: 1 },
      { category: 'land', open: 2, overdue: 1, closed: 0 },
      { category: 'energy', open: 0, overdue: 0, closed: 0 },
      { category: 'approval', open: 1, overdue: 0, closed: 0 },
      { category: 'enterprise', open: 0, overdue: 0, closed: 0 },
      { category: 'other', open: 0, overdue: 0, closed: 0 },
    ]);
  });

  it('counts them by track', () => {
    expect(b.byTrack).toEqual([
      { trackId: 'gongjian', open: 2, overdue: 1, closed: 1 },
      { trackId: 'zhaoshang', open: 1, overdue: 1, closed: 0 },
      { trackId: 'fuwu', open: 1, overdue: 0, closed: 0 },
    ]);
  });

  it('lists the open ones longest open first, and as many as asked', () => {
    expect(b.oldestOpen.map((x) => x.id)).toEqual(['p2', 'p5', 'p1', 'p3']);
    expect(blockers(problems, [], day, 2).oldestOpen.map((x) => x.id)).toEqual(['p2', 'p5']);
  });

  it('shows zeros everywhere when there is no problem', () => {
    const none = blockers([], ['gongjian'], day);
    expect(none.byCategory.every((c) => c.open + c.overdue + c.closed === 0)).toBe(true);
    expect(none.byTrack).toEqual([{ trackId: 'gongjian', open: 0, overdue: 0, closed: 0 }]);
    expect(none.oldestOpen).toEqual([]);
  });
});
