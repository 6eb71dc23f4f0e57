import { divisionChartRoute } from './chart-route';
import { boardShare, decodeParam, divisionChartShare, sharedScope, unitShare, unitShareTitle } from './share';

const row = (unitId: string, unitName: string, rank: number, score: number) => ({
  unitId,
  unitName,
  rank,
  score,
});

describe('the unit page’s share card', () => {
  it('says the unit’s rank in its division and its score, and opens that unit’s page', () => {
    const card = unitShare({ unitId: 'u-dc', unitName: '东城街道', divisionRank: 2, score: 86.54 });
    expect(card.title).toBe('东城街道 组内第2名 · 86.5分');
    expect(card.path).toBe('/packages/unit/pages/detail/index?unitId=u-dc');
    expect(card.query).toBe('unitId=u-dc');
  });

  it('keeps one decimal, also for a whole score, and escapes an id that needs it', () => {
    expect(unitShareTitle({ unitName: '市发改局', divisionRank: 1, score: 100 })).toBe(
      '市发改局 组内第1名 · 100.0分',
    );
    expect(unitShare({ unitId: 'a&b=c', unitName: '甲', divisionRank: 3, score: 1 }).path).toBe(
      '/packages/unit/pages/detail/index?unitId=a%26b%3Dc',
    );
  });
});

describe('the board’s share card', () => {
  const rows = [
    row('u3', '南湖街道', 1, 98.26),
    row('u1', '东城街道', 2, 86.54),
    row('u2', '西城街道', 2, 86.54),
  ];

  it('tells the sharer’s own unit and its place in the view, and opens the board on that division', () => {
    const card = boardShare('“三百”竞赛', '乡镇街道', rows, 'u1');
    expect(card.title).toBe('“三百”竞赛榜单：东城街道 乡镇街道第2名 · 86.5分');
    expect(card.path).toBe(`/pages/board/index?division=${encodeURIComponent('乡镇街道')}`);
    expect(card.query).toBe(`division=${encodeURIComponent('乡镇街道')}`);
  });

  it('tells the view’s first when the sharer’s unit is not in it (a leader, or another division)', () => {
    expect(boardShare('“三百”竞赛', '乡镇街道', rows, 'u-elsewhere').title).toBe(
      '“三百”竞赛榜单：乡镇街道第1名 南湖街道 · 98.3分',
    );
    expect(boardShare('“三百”竞赛', '乡镇街道', rows, null).title).toBe(
      '“三百”竞赛榜单：乡镇街道第1名 南湖街道 · 98.3分',
    );
  });

  it('names 全市 for the whole city, and only the scope while nothing is ranked', () => {
    const city = boardShare('“三百”竞赛', '', [], 'u1');
    expect(city.title).toBe('“三百”竞赛榜单：全市');
    expect(city.path).toBe(`/pages/board/index?division=${encodeURIComponent('全市')}`);
  });
});

describe('a shared board link read back', () => {
  const divisions = ['乡镇街道', '功能平台', '市直部门'];

  it('opens the shared division, 全市 as the whole city — encoded (WeChat) or already decoded (browser)', () => {
    expect(sharedScope(encodeURIComponent('功能平台'), divisions)).toBe('功能平台');
    expect(sharedScope('功能平台', divisions)).toBe('功能平台');
    expect(sharedScope(encodeURIComponent('全市'), divisions)).toBe('');
  });

  it('falls back on the reader’s own division without a link or for a division this campaign lacks', () => {
    expect(sharedScope(undefined, divisions)).toBeNull();
    expect(sharedScope('', divisions)).toBeNull();
    expect(sharedScope(encodeURIComponent('旧的分组'), divisions)).toBeNull();
    expect(sharedScope('功能平台', undefined)).toBeNull();
  });

  it('keeps a parameter with a stray % as it is', () => {
    expect(decodeParam('100%完成')).toBe('100%完成');
    expect(decodeParam(undefined)).toBe('');
  });
});

describe('the division chart’s share card and link', () => {
  it('opens the chart at the same scope, 全市 included', () => {
    expect(divisionChartShare('“三百”竞赛', '乡镇街道')).toEqual({
      title: '“三百”竞赛 乡镇街道综合得分图',
      path: divisionChartRoute('乡镇街道'),
      query: `division=${encodeURIComponent('乡镇街道')}`,
    });
    expect(divisionChartRoute('')).toBe(
      `/packages/unit/pages/division/index?division=${encodeURIComponent('全市')}`,
    );
  });
});
