/**
 * The rules of each subscription-message keyword type (WeChat's "订阅消息参数值内容限制"): what a valid
 * value looks like (`valid`), how a text is made into one (`fitted`: cleaned, and clipped only where a
 * clipped value stays valid), and which notification parts can always make one (`sources`).
 * Lengths count characters (code points), not UTF-16 units.
 */
import type { FieldSource } from './subscribe-fields';

export interface KeywordRule {
  /** The type's name in WeChat's console, and its rule in one line (for the settings problems). */
  label: string;
  rule: string;
  /** The notification parts that always make a valid value of this type. */
  sources: readonly FieldSource[];
  valid(value: string): boolean;
  /** `text` made valid, or null when it cannot be. */
  fitted(text: string): string | null;
}

const length = (s: string): number => Array.from(s).length;
const head = (s: string, n: number): string => Array.from(s).slice(0, n).join('');

/** Control characters and line breaks become spaces; emoji and invisible format marks go (WeChat refuses them). */
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\p{Cf}|\u{FE0E}|\u{FE0F}|\u{20E3}/gu;
export const clean = (text: string): string =>
  text
    .replace(EMOJI, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();

/** Cut to `max` characters, ending with an ellipsis when cut (for types that take symbols). */
export function clip(text: string, max: number): string {
  return length(text) <= max ? text : `${head(text, max - 1)}…`;
}

const NO_CONTROL = /^[^\p{Cc}\p{Cf}\p{Extended_Pictographic}]+$/u;
const HAN = /^\p{Script=Han}+$/u;
const TIME = /^(\d{4}年\d{1,2}月\d{1,2}日 |\d{4}-\d{2}-\d{2} )?\d{1,2}:\d{2}(:\d{2})?$/;
const DATE = /^(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{2}[-/.]\d{2})( \d{1,2}:\d{2}(:\d{2})?)?$/;

/** Free text of at most `max` characters: Chinese, letters, digits and symbols; clipped with "…". */
function words(label: string, max: number, sources: readonly FieldSource[]): KeywordRule {
  const valid = (v: string) => length(v) >= 1 && length(v) <= max && NO_CONTROL.test(v) && v === v.trim();
  return {
    label,
    rule: `${max} 个以内字符`,
    sources,
    valid,
    fitted: (text) => {
      const v = clip(clean(text), max);
      return valid(v) ? v : null;
    },
  };
}

/** A value taken as it is or not at all: a number, a time, a code cut short would say something else. */
function exact(label: string, rule: string, sources: readonly FieldSource[], pattern: RegExp): KeywordRule {
  const valid = (v: string) => pattern.test(v);
  return { label, rule, sources, valid, fitted: (text) => (valid(text.trim()) ? text.trim() : null) };
}

const phrase: KeywordRule = {
  label: '汉字',
  rule: '5 个以内纯汉字',
  sources: ['kind'],
  valid: (v) => HAN.test(v) && length(v) <= 5,
  // Cut without an ellipsis: a phrase takes Chinese characters only.
  fitted: (text) => {
    const v = clean(text);
    return HAN.test(v) ? head(v, 5) : null;
  },
};

const NAME_ZH = /^[\p{Script=Han}A-Za-z·]+$/u;
const NAME_EN = /^[A-Za-z .'·-]+$/;
const name: KeywordRule = {
  label: '姓名',
  rule: '10 个以内汉字，或 20 个以内字母',
  sources: ['kind'],
  valid: (v) =>
    /\p{Script=Han}/u.test(v)
      ? NAME_ZH.test(v) && length(v) <= 10
      : NAME_EN.test(v) && length(v) <= 20 && v === v.trim(),
  fitted: (text) => {
    const v = clean(text);
    if (/\p{Script=Han}/u.test(v)) return NAME_ZH.test(v) ? head(v, 10) : null;
    const cut = head(v, 20).trim();
    return NAME_EN.test(cut) ? cut : null;
  },
};

export const keywordRules = {
  thing: words('事物', 20, ['title', 'body', 'time', 'kind']),
  // The whole time is 15 characters: it does not fit, and half a time is not kept.
  short_thing: words('短事物', 5, ['title', 'body', 'kind']),
  phrase,
  name,
  time: exact('时间', '24 小时制时间，可带年月日', ['time'], TIME),
  date: exact('日期', '年月日，可带时间', ['time'], DATE),
  number: exact('数字', '32 位以内数字，可带小数', [], /^(?=[\d.]{1,32}$)\d+(\.\d+)?$/),
  letter: exact('字母', '32 位以内纯字母', [], /^[A-Za-z]{1,32}$/),
  symbol: exact('符号', '5 位以内符号', [], /^[^\p{L}\p{N}\p{Cc}\s]{1,5}$/u),
  character_string: exact('字符串', '32 位以内数字、字母或符号', [], /^[\x21-\x7e]{1,32}$/),
  amount: exact('金额', '币种符号加 10 位以内数字，可带小数和“元”', [], /^[¥￥$€£]\d{1,10}(\.\d{1,2})?元?$/u),
  phone_number: exact('电话', '17 位以内数字和符号', [], /^[\d+\-() ]{1,17}$/),
  car_number: exact(
    '车牌',
    '8 位以内车牌号',
    [],
    /^(?=.{1,8}$)[\p{Script=Han}A-Z0-9][A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u,
  ),
  // Only the template's own values are accepted, and nothing here knows them.
  enum: exact('枚举值', '只能是模板设定的枚举值', [], /(?!)/),
} as const satisfies Record<string, KeywordRule>;

export type KeywordType = keyof typeof keywordRules;
