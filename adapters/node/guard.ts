/**
 * A simple local ContentGuard for the self-hosted server (WeChat uses msgSecCheck behind the same port):
 * text containing a word of the hard list is `risky` (refused), of the soft list `review` (published,
 * flagged for a supervisor). Matching ignores case, full/half width, spaces and punctuation, so
 * "赌 · 博" is caught like "赌博". The built-in lists are short on purpose; a deployment passes its own.
 */
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

/** NFKC (full-width → half-width), lower case, without spaces, punctuation and symbols. */
export const foldText = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

export function createLocalGuard(options: LocalGuardOptions = {}): ContentGuard {
  const fold = (words: readonly string[]) => words.map((w) => ({ word: w, folded: foldText(w) })).filter((w) => w.folded !== '');
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
