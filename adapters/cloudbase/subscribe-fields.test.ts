/**
 * Subscription-message values obey their keyword type's rules (WeChat's "订阅消息参数值内容限制"), as
 * tables: which sources each type takes (the rest are refused with the settings), and for every source
 * a type takes and every awkward notification (too long, emoji, line breaks, only spaces, rare
 * characters), the value is valid — clipped where clipping keeps it valid, never half a time, never "…"
 * in a phrase. The validity checks here are written apart from the adapter's own.
 */
import type { NotificationKind } from '../../core/contract';
import type { NotificationRecord } from '../../core/app/ports';
import { fieldProblem, fieldSources, fillTemplate, kindLabels, type FieldSource } from './subscribe-fields';
import { keywordRules, type KeywordType } from './subscribe-rules';

const chars = (s: string) => Array.from(s).length;
/** No control character (code points below 32, line breaks and tabs included). */
const printable = (s: string) =>
  Array.from(s).every((c) => c.codePointAt(0)! >= 32) && !/\p{Extended_Pictographic}/u.test(s);

/** Independent statements of the reference's rules, for the values the adapter makes. */
const rules: Record<KeywordType, (v: string) => boolean> = {
  thing: (v) => chars(v) >= 1 && chars(v) <= 20 && printable(v),
  short_thing: (v) => chars(v) >= 1 && chars(v) <= 5 && printable(v),
  phrase: (v) => /^[\u4e00-\u9fff\u3400-\u4dbf\u{20000}-\u{2ffff}]{1,5}$/u.test(v),
  name: (v) =>
    /[\u4e00-\u9fff]/.test(v) ? chars(v) <= 10 && !/\d/.test(v) : /^[A-Za-z .'·-]{1,20}$/.test(v),
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?([01]?\d|2[0-3]):[0-5]\d$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( ([01]?\d|2[0-3]):[0-5]\d)?$/.test(v),
  number: () => false,
  letter: () => false,
  symbol: () => false,
  character_string: () => false,
  amount: () => false,
  phone_number: () => false,
  car_number: () => false,
  enum: () => false,
};

/** Which sources each type takes: every other pair is refused when the settings are read. */
const takes: Record<KeywordType, FieldSource[]> = {
  thing: ['title', 'body', 'time', 'kind'],
  short_thing: ['title', 'body', 'kind'],
  phrase: ['kind'],
  name: ['kind'],
  time: ['time'],
  date: ['time'],
  number: [],
  letter: [],
  symbol: [],
  character_string: [],
  amount: [],
  phone_number: [],
  car_number: [],
  enum: [],
};

const base: NotificationRecord = {
  id: 'n1',
  userId: 'u1',
  cityId: 'city',
  campaignId: 'c1',
  kind: 'no_post',
  title: '该晒进度了',
  body: '「方岩镇」已经 7 天没有晒进度了',
  subjectId: 'A',
  dedupeKey: 'u1|no_post|A|2025-03-09',
  createdAt: Date.parse('2025-03-09T01:05:00Z'),
  readAt: null,
  channels: {},
};

const awkward: Array<[string, Partial<NotificationRecord>]> = [
  ['plain', {}],
  ['exactly 20', { title: '一二三四五六七八九十一二三四五六七八九十' }],
  ['21 characters', { title: '一二三四五六七八九十一二三四五六七八九十一' }],
  [
    'very long',
    {
      body: '「某某经济技术开发区管理委员会」已经 30 天没有晒进度了（上次是 8月1日），请发布本单位的最新进展和数据。',
    },
  ],
  ['emoji and joiners', { title: '🎉该晒进度了👨‍👩‍👧🇨🇳️', body: '进度 ✅ 已完成' }],
  ['line breaks and tabs', { title: '第一行\n第二行\t第三行\r\n', body: '  前后空格  ' }],
  ['rare characters', { title: '𠀀𠀁𠀂 四字节汉字'.repeat(3) }],
  [
    'letters and digits',
    { title: 'Project ABC-123 is 7 days idle, please post', body: '1234567890'.repeat(4) },
  ],
  ['late evening', { createdAt: Date.parse('2025-12-31T13:59:00Z') }],
  ['new year', { createdAt: Date.parse('2025-12-31T16:00:00Z') }],
];

const types = Object.keys(keywordRules) as KeywordType[];
const kinds = Object.keys(kindLabels) as NotificationKind[];

describe('subscription-message fields: which source each keyword type takes', () => {
  it.each(types)('%s takes exactly its sources, and the settings refuse the others with a reason', (type) => {
    for (const source of fieldSources) {
      const problem = fieldProblem(`${type}7`, source);
      if (takes[type].includes(source)) expect(problem).toBeNull();
      else expect(problem).toMatch(new RegExp(`^${type}7 是「.+」.*不能填 ${source}`));
    }
  });

  it('an unknown keyword type is refused, naming the types there are', () => {
    expect(fieldProblem('thng1', 'title')).toMatch(/不认识的关键词类型「thng」.*thing/);
  });
});

describe('subscription-message fields: every value a type takes is valid for it', () => {
  for (const type of types) {
    for (const source of takes[type]) {
      it.each(awkward)(`${type} from ${source}: %s`, (_name, over) => {
        for (const kind of kinds) {
          const data = fillTemplate({ ...base, ...over, kind }, { [`${type}1`]: source });
          const value = data?.[`${type}1`]?.value;
          expect(value).toBeDefined();
          expect(rules[type](value!)).toBe(true);
          expect(keywordRules[type].valid(value!)).toBe(true);
        }
      });
    }
  }
});

describe('subscription-message fields: how values are cut', () => {
  const one = (type: string, source: FieldSource, over: Partial<NotificationRecord> = {}) =>
    fillTemplate({ ...base, ...over }, { [`${type}1`]: source })?.[`${type}1`]?.value;

  it('a thing keeps 20 characters whole, and cuts a longer text to 19 and an ellipsis', () => {
    expect(one('thing', 'title', { title: '一二三四五六七八九十一二三四五六七八九十' })).toBe(
      '一二三四五六七八九十一二三四五六七八九十',
    );
    expect(one('thing', 'title', { title: '一二三四五六七八九十一二三四五六七八九十一' })).toBe(
      '一二三四五六七八九十一二三四五六七八九…',
    );
  });

  it('a time is whole wherever it goes: in a time, a date or a thing', () => {
    for (const type of ['time', 'date', 'thing']) expect(one(type, 'time')).toBe('2025年3月9日 09:05');
    expect(one('time', 'time', { createdAt: Date.parse('2025-12-31T16:00:00Z') })).toBe('2026年1月1日 00:00');
  });

  it('every kind label is a phrase: five Chinese characters at most, nothing else', () => {
    for (const label of Object.values(kindLabels)) expect(rules.phrase(label)).toBe(true);
    expect(keywordRules.phrase.fitted('该晒进度了吧')).toBe('该晒进度了');
    expect(keywordRules.phrase.fitted('A镇提醒')).toBeNull();
    expect(keywordRules.phrase.fitted('提醒…')).toBeNull();
  });

  it('a value that cannot be made valid stops the whole message: null, nothing half-filled', () => {
    expect(fillTemplate({ ...base, body: ' \n\t ' }, { thing1: 'title', thing2: 'body' })).toBeNull();
    expect(fillTemplate({ ...base, title: '🎉🎉' }, { thing1: 'title' })).toBeNull();
    expect(fillTemplate(base, { number1: 'title' })).toBeNull();
    expect(fillTemplate(base, { unknown1: 'title' })).toBeNull();
  });
});

describe('subscription-message fields: the validity rules themselves', () => {
  const table: Array<[KeywordType, string, boolean]> = [
    ['thing', '项目推进会', true],
    ['thing', '', false],
    ['thing', '第一行\n第二行', false],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['phrase', '配送中', true],
    ['phrase', '配送中…', false],
    ['phrase', '已完成了吗呀', false],
    ['phrase', 'OK', false],
    ['name', '王芳', true],
    ['name', 'Wang Fang', true],
    ['name', '王芳1', false],
    ['time', '15:01', true],
    ['time', '2019年10月1日 15:01', true],
    ['time', '2019-10-01 15:01', true],
    ['time', '2019年10月1日 15', false],
    ['date', '2019年10月1日', true],
    ['date', '2018-01-01', true],
    ['date', '10月', false],
    ['number', '12.5', true],
    ['number', '1,000', false],
    ['letter', 'abc', true],
    ['letter', 'ab1', false],
    ['symbol', '…', true],
    ['symbol', '中', false],
    ['character_string', 'A-12_x', true],
    ['character_string', '中文', false],
    ['amount', '¥12.50元', true],
    ['amount', '12元', false],
    ['phone_number', '+86-0766-66888866', true],
    ['phone_number', '电话', false],
    ['car_number', '粤A8Z888挂', true],
    ['car_number', '粤A8Z888挂挂挂', false],
    ['enum', '任何值', false],
  ];
  it.each(table)('%s %j valid: %s', (type, value, valid) => {
    expect(keywordRules[type].valid(value)).toBe(valid);
  });
});
