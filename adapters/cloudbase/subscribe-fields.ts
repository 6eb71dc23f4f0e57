/**
 * Filling a subscription-message template: which part of a notification goes into which keyword, and each
 * value made valid for the keyword's type (WeChat's subscription-message reference; a value out of its
 * type's rules fails the whole send with 47003). The type is the keyword's name without its number:
 * `thing2` is a thing. A source that can never make a valid value of a type is refused when the settings
 * are read (`fieldProblem`), so a send never finds out; a value that still cannot be made valid makes
 * `fillTemplate` answer null rather than send a broken message.
 */
import type { NotificationKind } from '../../core/contract';
import type { NotificationRecord } from '../../core/app/notifications/store';
import { keywordRules, type KeywordType } from './subscribe-rules';

/** What can fill a keyword: the notification's title or body, when it was made, or its kind in words. */
export type FieldSource = 'title' | 'body' | 'time' | 'kind';
export const fieldSources: readonly FieldSource[] = ['title', 'body', 'time', 'kind'];

const sourceNames: Record<FieldSource, string> = {
  title: '标题',
  body: '正文',
  time: '时间',
  kind: '提醒类别',
};

/** Each a `phrase` (≤ 5 Chinese characters only), so any keyword type that takes words can show it. */
export const kindLabels: Record<NotificationKind, string> = {
  no_post: '填报提醒',
  problem_overdue: '难题逾期',
  task_due: '任务到期',
  interview_due: '约谈提醒',
  explanation_due: '书面说明',
  review_published: '通报发布',
  comment: '评论点评',
};

export const typeOf = (keyword: string): string => keyword.replace(/\d+$/, '');

const ruleOf = (keyword: string) => {
  const type = typeOf(keyword);
  return Object.hasOwn(keywordRules, type) ? keywordRules[type as KeywordType] : undefined;
};

/** Why `source` cannot fill `keyword`, in Chinese for the settings problems; null when it can. */
export function fieldProblem(keyword: string, source: FieldSource): string | null {
  const rule = ruleOf(keyword);
  if (!rule)
    return `${keyword}：不认识的关键词类型「${typeOf(keyword)}」（可用 ${Object.keys(keywordRules).join('、')}）`;
  if (rule.sources.includes(source)) return null;
  const can = rule.sources.length === 0 ? '本程序没有能填它的内容' : `只能填 ${rule.sources.join('/')}`;
  return `${keyword} 是「${rule.label}」（${rule.rule}），不能填 ${source}（${sourceNames[source]}）：${can}`;
}

/** `2025年3月9日 09:05` in Asia/Shanghai (UTC+8 all year), which time, date and thing keywords all accept. */
export function shanghaiTime(ms: number): string {
  const d = new Date(ms + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function valueOf(n: NotificationRecord, source: FieldSource): string {
  if (source === 'time') return shanghaiTime(n.createdAt);
  if (source === 'kind') return kindLabels[n.kind];
  return n[source];
}

export type TemplateData = Record<string, { value: string }>;

/** The template's data, each value valid for its keyword's type; null when one cannot be made valid. */
export function fillTemplate(
  n: NotificationRecord,
  fields: Readonly<Record<string, FieldSource>>,
): TemplateData | null {
  const data: TemplateData = {};
  for (const [keyword, source] of Object.entries(fields)) {
    const value = ruleOf(keyword)?.fitted(valueOf(n, source)) ?? null;
    if (value === null) return null;
    data[keyword] = { value };
  }
  return data;
}
