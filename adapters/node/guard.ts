/**
 * A simple local ContentGuard for the self-hosted server (WeChat uses msgSecCheck behind the same port):
 * text containing a word of the hard list is `risky` (refused), of the soft list `review` (published,
 * flagged for a supervisor). Matching ignores case, full/half width, spaces, punctuation, invisible
 * characters and traditional forms, so "赌 · 博", "代\u200b开发票" and "代開發票" are caught like the
 * simplified word. The built-in lists are short on purpose; a deployment passes its own (in either script).
 */
import OpenCC from 'opencc-js/t2cn';
import type { ContentGuard } from '../../core/app/ports';

/** Solicitations and plainly illegal offers: never published. */
export const defaultRiskyWords: readonly string[] = [
  '代开发票',
  '办假证',
  '出售枪支',
  '网络赌场',
  '六合彩',
  '裸聊',
  '约炮',
  '出售冰毒',
];

/** Words a government post may use (打击赌博, 防范诈骗) but a supervisor should see. */
export const defaultReviewWords: readonly string[] = [
  '赌博',
  '博彩',
  '毒品',
  '色情',
  '诈骗',
  '传销',
  '枪支',
  '回扣',
  '返利',
  '红包',
  '加微信',
];

export interface LocalGuardOptions {
  /** Replaces the hard list (spread `defaultRiskyWords` to extend it). */
  risky?: readonly string[];
  /** Replaces the soft list (spread `defaultReviewWords` to extend it). */
  review?: readonly string[];
}

/**
 * What matching skips: spaces, punctuation, symbols, and characters that render as nothing — format
 * characters (Cf: U+200B zero-width space, U+00AD soft hyphen, U+2060 word joiner, U+200D joiner…) and the
 * other default-ignorable ones (variation selectors, Hangul fillers), which can be slipped inside a word.
 */
const IGNORED = /[\s\p{P}\p{S}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

type Convert = (text: string) => string;
let toSimplified: Convert | undefined;

/**
 * Traditional → simplified that folds Hong Kong and Taiwan forms alike (衞 and 衛 → 卫, 裏 and 裡 → 里,
 * 著 → 着): the regional variants are first mapped to OpenCC's standard traditional, then to simplified.
 * Built on first use (≈40 ms, once per process) so a host that never checks text never pays for it.
 */
function simplify(text: string): string {
  if (!toSimplified) {
    const { hk, tw } = OpenCC.Locale.from;
    const { cn } = OpenCC.Locale.to;
    if (!hk || !tw || !cn) throw new Error('opencc-js/t2cn lacks the hk, tw or cn dictionaries');
    toSimplified = OpenCC.ConverterFactory(hk, tw, cn);
  }
  return toSimplified(text);
}

/**
 * The form both the text and the word lists are compared in: NFKC (full-width → half-width, compatibility
 * ideographs → unified), without ignored characters, traditional folded to simplified, lower case.
 * Ignored characters go before the conversion so a phrase split by them still converts as a phrase.
 */
export const foldText = (text: string): string =>
  simplify(text.normalize('NFKC').replace(IGNORED, '')).toLowerCase();

export function createLocalGuard(options: LocalGuardOptions = {}): ContentGuard {
  const fold = (words: readonly string[]) =>
    words.map((w) => ({ word: w, folded: foldText(w) })).filter((w) => w.folded !== '');
  const risky = fold(options.risky ?? defaultRiskyWords);
  const review = fold(options.review ?? defaultReviewWords);
  return {
    async check(text) {
      const folded = foldText(text);
      const hard = risky.find((w) => folded.includes(w.folded));
      if (hard) return { verdict: 'risky', label: hard.word };
      const soft = review.find((w) => folded.includes(w.folded));
      if (soft) return { verdict: 'review', label: soft.word };
      return { verdict: 'pass' };
    },
  };
}
