/**
 * The campaign's months as 月度通报 lists them: a published month opens its 通报; a closed month not yet
 * published is 待发布, and opens the draft for a supervisor (who publishes it); the running month is
 * 本月未结束 and opens nothing.
 */
import type { ActionOutput, User } from '../../../../core/contract';
import { periodName } from '../../../../core/domain/review';
import { instantText } from '../../../lib/dates';
import type { ReviewRef } from '../../../lib/routes';

type Month = ActionOutput<'review.list'>['months'][number];

export type MonthState = 'published' | 'pending' | 'running';

export interface MonthView {
  period: string;
  name: string;
  state: MonthState;
  /** The chip's words. */
  label: string;
  /** What else there is to say, in a line. */
  line: string;
  /** The 通报 a tap opens; null: nothing to open for this user. */
  opens: ReviewRef | null;
}

export function monthView(m: Month, user: User): MonthView {
  const name = periodName(m.period);
  if (m.published) {
    const p = m.published;
    const flagged = p.flaggedCount > 0 ? `${p.flaggedCount} 个单位列入约谈` : '无单位列入约谈';
    return {
      period: m.period,
      name,
      state: 'published',
      label: p.version > 1 ? `已发布 · 第 ${p.version} 版` : '已发布',
      line: `${instantText(p.publishedAt).slice(0, 10)} 发布 · ${flagged}`,
      opens: { period: m.period },
    };
  }
  if (!m.closed)
    return {
      period: m.period,
      name,
      state: 'running',
      label: '本月未结束',
      line: '月度结束后生成通报',
      opens: null,
    };
  const supervisor = user.role === 'supervisor';
  return {
    period: m.period,
    name,
    state: 'pending',
    label: '待发布',
    line: supervisor ? '点击核对草稿并发布' : '督办员核对后发布',
    opens: supervisor ? { period: m.period, draft: true } : null,
  };
}
