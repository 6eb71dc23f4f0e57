/** Page URLs in one place, so a moved page fails in one file. */
import type { Notification, NotificationKind, User } from '../../core/contract';
import { canPost } from './roles';

const q = encodeURIComponent;

/** Which 通报 the review page shows: a published version (the latest when none), or a supervisor's draft. */
export interface ReviewRef {
  period: string;
  version?: number;
  draft?: boolean;
}

export const routes = {
  post: '/pages/post/index',
  join: '/pages/join/index',
  messages: '/pages/messages/index',
  unit: (unitId: string): string => `/packages/unit/pages/detail/index?unitId=${q(unitId)}`,
  // 挂图作战 and 难题销号 (the tasks subpackage).
  tasks: '/packages/tasks/pages/board/index',
  blockers: '/packages/tasks/pages/blockers/index',
  task: (taskId: string): string => `/packages/tasks/pages/task/index?taskId=${q(taskId)}`,
  problem: (problemId: string, taskId: string): string =>
    `/packages/tasks/pages/problem/index?problemId=${q(problemId)}&taskId=${q(taskId)}`,
  /** 我的待办难题 (`mine`) or 待销号 (`close`). */
  problems: (view: 'mine' | 'close'): string => `/packages/tasks/pages/problems/index?view=${view}`,
  // 月度通报, 约谈, 书面说明 and 考核扣分台账 (the reviews subpackage).
  reviewMonths: '/packages/reviews/pages/months/index',
  review: ({ period, version, draft }: ReviewRef): string =>
    `/packages/reviews/pages/review/index?period=${q(period)}` +
    (version !== undefined ? `&version=${version}` : '') +
    (draft ? '&draft=1' : ''),
  /** `focus`: the record a message is about, marked on the list. */
  interviews: (focus?: string): string =>
    `/packages/reviews/pages/interviews/index${focus ? `?focus=${q(focus)}` : ''}`,
  explanations: (focus?: string): string =>
    `/packages/reviews/pages/explanations/index${focus ? `?focus=${q(focus)}` : ''}`,
  ledger: '/packages/reviews/pages/ledger/index',
};

/** A 通报's id, `${campaignId}:${period}:v${version}` (core/app/reviews/publish.ts), as the page to open. */
export function reviewOfId(reviewId: string): ReviewRef | null {
  const m = /:(\d{4}-(?:0[1-9]|1[0-2])):v(\d+)$/.exec(reviewId);
  return m ? { period: m[1]!, version: Number(m[2]) } : null;
}

/** Where a tapped notification leads: a page, or a gentle word when its page is not built yet. */
export type NotificationTarget = { url: string; label: string } | { notYet: string };

/** What each kind of notification opens; `subjectId` is what the notification is about. */
const notificationTargets: Record<NotificationKind, (subjectId: string, user: User) => NotificationTarget> = {
  // 该晒进度了: straight to 发布进展 for one's own unit; anyone else who gets it sees the unit.
  no_post: (unitId, user) =>
    canPost(user) && user.unitId === unitId
      ? { url: routes.post, label: '去发布进展' }
      : { url: routes.unit(unitId), label: '查看单位' },
  problem_overdue: () => ({ notYet: '难题详情页还在建设中，请按这条消息的内容跟进。' }),
  task_due: (taskId) => ({ url: routes.task(taskId), label: '查看任务' }),
  interview_due: (interviewId) => ({ url: routes.interviews(interviewId), label: '查看约谈' }),
  explanation_due: (explanationId) => ({ url: routes.explanations(explanationId), label: '去写书面说明' }),
  review_published: (reviewId) => {
    const ref = reviewOfId(reviewId);
    return { url: ref ? routes.review(ref) : routes.reviewMonths, label: '查看通报' };
  },
  // A comment or 点评: the unit's page lists the post it is on.
  comment: (unitId) => ({ url: routes.unit(unitId), label: '查看动态' }),
};

export const notificationTarget = (
  n: Pick<Notification, 'kind' | 'subjectId'>,
  user: User,
): NotificationTarget => notificationTargets[n.kind](n.subjectId, user);
