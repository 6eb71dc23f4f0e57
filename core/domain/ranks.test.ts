import { rankAll } from './ranks';

// `order` is the unit's place in the campaign's unit list, as the admin imported it.
const row = (name: string, order: number, score: number, performance = 0) => ({ name, order, score, performance });

describe('ranks', () => {
  it('ranks highest first and shares ranks for equal scores (1, 2, 2, 4)', () => {
    const ranked = rankAll([row('丁', 0, 70), row('乙', 1, 80), row('甲', 2, 90), row('丙', 3, 80)]);
    expect(ranked.map((r) => [r.row.name, r.rank])).toEqual([
      ['甲', 1],
      // equal score and performance: by the campaign's unit order (乙 is listed before 丙)
      ['乙', 2],
      ['丙', 2],
      ['丁', 4],
    ]);
  });

  it('orders a tie by performance, then by the unit list, never by character code', () => {
    // By code point 赵 (U+8D75) would precede 钱 (U+94B1); the unit list puts 钱 first.
    const ranked = rankAll([row('赵', 2, 80, 50), row('孙', 1, 80, 60), row('钱', 0, 80, 50)]);
    expect(ranked.map((r) => r.row.name)).toEqual(['孙', '钱', '赵']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('does not let float noise split a tie', () => {
    // 0.1 + 0.2 = 0.30000000000000004
    const ranked = rankAll([row('x', 0, 0.1 + 0.2), row('y', 1, 0.3)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('keeps the input untouched', () => {
    const rows = [row('a', 0, 1), row('b', 1, 2)];
    rankAll(rows);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
  });
});
