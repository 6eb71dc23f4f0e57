import { rankAll } from './ranks';

const row = (name: string, score: number, performance = 0) => ({ name, score, performance });

describe('ranks', () => {
  it('ranks highest first and shares ranks for equal scores (1, 2, 2, 4)', () => {
    const ranked = rankAll([row('丁', 70), row('乙', 80), row('甲', 90), row('丙', 80)]);
    expect(ranked.map((r) => [r.row.name, r.rank])).toEqual([
      ['甲', 1],
      // equal score and performance: by name in code-point order (丙 U+4E19 before 乙 U+4E59)
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
  });

  it('orders a tie by performance, then by name', () => {
    const ranked = rankAll([row('b', 80, 50), row('c', 80, 60), row('a', 80, 50)]);
    expect(ranked.map((r) => r.row.name)).toEqual(['c', 'a', 'b']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('does not let float noise split a tie', () => {
    // 0.1 + 0.2 = 0.30000000000000004
    const ranked = rankAll([row('x', 0.1 + 0.2), row('y', 0.3)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('keeps the input untouched', () => {
    const rows = [row('a', 1), row('b', 2)];
    rankAll(rows);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
  });
});
