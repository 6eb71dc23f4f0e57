/**
 * Filling a subscription-message template: which part of a notification goes into which keyword, and
 * each value cut to what WeChat accepts for the keyword's type (a value too long fails the whole send
 * with 47003). The type is the keyword's name without its number: `thing2` is a thing.
 */
import type { NotificationKind } from '../../core/contract';
import type { NotificationRecord } from '../../core/app/ports';

/** What can fill a keyword: the notification's title or body, when it was made, or its kind in words. */
export type FieldSource = 'title' | 'body' | 'time' | 'kind';
export const fieldSources: readonly FieldSource[] = ['title', 'body', 'time', 'kind'];

/** Characters each keyword type takes (WeChat's subscription-message reference). */
const limits: Record<string, number> = {
  thing: 20,
  short_thing: 5,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  car_number: 8,
  phone_number: 17,
  amount: 32,
};

export const kindLabels: Record<NotificationKind, string> = {
  no_post: '填报提醒',
  problem_overdue: '难题逾期',
  interview_due: '约谈提醒',
  explanation_due: '书面说明',
  review_published: '通报发布',
};

const typeOf = (keyword: string) => keyword.replace(/\d+$/, '');

/** Cut to `max` characters (not UTF-16 units), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** `2025年3月9日 09:05` in Asia/Shanghai (UTC+8 all year), which date and time keywords both accept. */
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

export function fillTemplate(
  n: NotificationRecord,
  fields: Readonly<Record<string, FieldSource>>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [keyword, source] of Object.entries(fields)) {
    const value = valueOf(n, source);
    const max = limits[typeOf(keyword)];
    data[keyword] = { value: max === undefined ? value : clip(value, max) };
  }
  return data;
}
