/** Page URLs in one place, so a moved page fails in one file. */
import type { Notification, NotificationKind, User } from '../../core/contract';
import { canPost } from './roles';

export const routes = {
  post: '/pages/post/index',
  join: '/pages/join/index',
  messages: '/pages/messages/index',
  unit: (unitId: string): string => `/packages/unit/pages/detail/index?unitId=${encodeURIComponent(unitId)}`,
  // 挂图作战 and 难题销号 (the tasks subpackage).
  tasks: '/packages/tasks/pages/board/index',
  blockers: '/packages/tasks/pages/blockers/index',
  task: (taskId: string): string => `/packages/tasks/pages/task/index?taskId=${encodeURIComponent(taskId)}`,
  problem: (problemId: string, taskId: string): string =>
    `/packages/tasks/pages/problem/index?problemId=${encodeURIComponent(problemId)}&taskId=${encodeURIComponent(taskId)}`,
  /** 我的待办难题 (`mine`) or 待销号 (`close`). */
  problems: (view: 'mine' | 'close'): string => `/packages/tasks/pages/problems/index?view=${view}`,
};

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
  interview_due: () => ({ notYet: '约谈详情页还在建设中，时间和要求请以通知内容为准。' }),
  explanation_due: () => ({ notYet: '书面说明的提交页还在建设中，请按通知内容准备材料。' }),
  review_published: () => ({ notYet: '通报全文页还在建设中，要点请看这条消息的内容。' }),
};

export const notificationTarget = (
  n: Pick<Notification, 'kind' | 'subjectId'>,
  user: User,
): NotificationTarget => notificationTargets[n.kind](n.subjectId, user);
