import {
  DEFAULT_JUMP_MULTIPLE,
  jumpQuestion,
  parseFigureText,
  toAsciiDigits,
  typicalGain,
} from './figure-entry';

describe('parseFigureText reads what was typed, or says what is wrong with it', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    ['0', 0],
    ['.5', 0.5],
    ['3.', 3],
    [' 7 ', 7],
    ['１２', 12],
    ['１２．５', 12.5],
    ['\u3000８\u3000', 8],
  ])('%j → %d', (raw, value) => {
    expect(parseFigureText(raw)).toEqual({ value });
  });

  it.each([
    ['1a2', '不是数字'],
    ['1e5', '不是数字'],
    ['-5', '不能为负数'],
    ['－５', '不能为负数'],
    ['0.5.5', '多个小数点'],
    ['12,500', '千分位'],
    ['12。5', '不是数字'],
    ['abc', '不是数字'],
    ['', '请填写数字'],
  ])('%j is refused (%s), never read as another number', (raw, words) => {
    const r = parseFigureText(raw);
    expect('error' in r && r.error).toContain(words);
  });

  it('turns only full-width digits and point into ASCII', () => {
    expect(toAsciiDigits('１２．５ａ')).toBe('12.5ａ');
  });
});

describe('jumpQuestion asks about a figure far from the last one or from the target', () => {
  // 外贸出口: target 14 亿元 over 100 days → a typical week brings 0.98 亿元; 5 × that is 4.9 亿元.
  const metric = { name: '外贸出口', measure: '亿元', kind: 'cumulative' as const };
  const base = { metric, target: 14, campaignDays: 100 };

  it('says by how much the figure moved, in the field’s measure', () => {
    expect(jumpQuestion({ ...base, previous: 5.21, value: 19.61 })).toBe(
      '「外贸出口」填 19.61 亿元，比上次多 14.4 亿元，是否确认？',
    );
  });

  it('lets an ordinary step through, and asks just past the multiple', () => {
    expect(typicalGain(14, 100)).toBeCloseTo(0.98);
    expect(jumpQuestion({ ...base, previous: 5, value: 6 })).toBeNull();
    expect(jumpQuestion({ ...base, previous: 5, value: 5 + DEFAULT_JUMP_MULTIPLE * 0.98 - 0.01 })).toBeNull();
    expect(jumpQuestion({ ...base, previous: 5, value: 5 + DEFAULT_JUMP_MULTIPLE * 0.98 + 0.01 })).toContain(
      '比上次多',
    );
  });

  it('asks about a big drop too', () => {
    expect(jumpQuestion({ ...base, previous: 10, value: 1 })).toContain('比上次少 9 亿元');
  });

  it('uses the campaign’s multiple when set', () => {
    expect(jumpQuestion({ ...base, previous: 5, value: 8, multiple: 2 })).toContain('比上次多 3 亿元');
    expect(jumpQuestion({ ...base, previous: 5, value: 8, multiple: 10 })).toBeNull();
  });

  it('asks about a figure past twice the target, even as the first report', () => {
    expect(jumpQuestion({ ...base, previous: null, value: 28.5 })).toBe(
      '「外贸出口」填 28.5 亿元，超过目标 14 亿元 的 2 倍，是否确认？',
    );
    expect(jumpQuestion({ ...base, previous: null, value: 28 })).toBeNull();
  });

  it('does not ask again about an unchanged figure', () => {
    expect(jumpQuestion({ ...base, previous: 30, value: 30 })).toBeNull();
  });

  it('writes percentages as such', () => {
    const rate = { name: '开工率', measure: '%', kind: 'rate' as const };
    expect(jumpQuestion({ metric: rate, target: 100, campaignDays: 100, previous: 20, value: 90 })).toContain(
      '比上次多 70%',
    );
  });
});
