/**
 * 挂图作战 and 难题销号 as the API carries them (DOMAIN.md "Task", "Problem", 拆槛除障).
 */
import { z } from 'zod';
import { Day, Light } from './entities';

export const problemStatuses = ['open', 'in_progress', 'resolved', 'closed', 'reopened'] as const;
export const ProblemStatus = z.enum(problemStatuses);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

export const problemStatusNames: Record<ProblemStatus, string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已销号',
  reopened: '重新打开',
};

export const problemCategories = [
  'policy',
  'funding',
  'land',
  'energy',
  'approval',
  'enterprise',
  'other',
] as const;
export const ProblemCategory = z.enum(problemCategories, {
  error: '难题类别应为政策、资金、土地、能耗、审批、企业或其他',
});
export type ProblemCategory = z.infer<typeof ProblemCategory>;

export const problemCategoryNames: Record<ProblemCategory, string> = {
  policy: '政策',
  funding: '资金',
  land: '土地',
  energy: '能耗',
  approval: '审批',
  enterprise: '企业',
  other: '其他',
};

const Text = (what: string, max: number) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过 ${max} 字`);
const OptionalText = (what: string, max: number) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .max(max, `${what}不能超过 ${max} 字`)
    .default('');
const RefId = (what: string) =>
  z
    .string({ error: `${what}应为字符串` })
    .min(1, `请提供${what}`)
    .max(100, `${what}过长`);

/** A task as an admin or supervisor writes it (task.save); `id` absent makes a new one. */
export const TaskInput = z.object({
  id: RefId('任务 ID').optional(),
  title: Text('任务名称', 100),
  content: OptionalText('任务内容', 2000),
  targetText: OptionalText('目标', 500),
  trackId: RefId('子活动'),
  leadUnitId: RefId('牵头单位'),
  /** Every responsible unit, the lead unit included (added when missing). */
  unitIds: z.array(RefId('责任单位')).max(50, '责任单位最多 50 个').default([]),
  contactLeader: OptionalText('联系市领导', 50),
  supervisorName: OptionalText('督导员', 50),
  /** The supervisor's user id, for the reminders a supervisor gets; optional. */
  supervisorId: RefId('督导员用户 ID').nullable().default(null),
  deadline: Day,
  metricId: RefId('关联指标').nullable().default(null),
  /** Marked done by a supervisor. */
  done: z.boolean().default(false),
});
export type TaskInput = z.input<typeof TaskInput>;

export const Task = z.object({
  id: z.string(),
  campaignId: z.string(),
  title: z.string(),
  content: z.string(),
  targetText: z.string(),
  trackId: z.string(),
  leadUnitId: z.string(),
  unitIds: z.array(z.string()),
  contactLeader: z.string(),
  supervisorName: z.string(),
  supervisorId: z.string().nullable(),
  deadline: Day,
  metricId: z.string().nullable(),
  done: z.boolean(),
  /** Demo data, labelled as such. */
  demo: z.boolean(),
});
export type Task = z.infer<typeof Task>;

/** A row of the 挂图 list. */
export const TaskItem = Task.extend({
  light: Light,
  openProblems: z.number().int(),
  overdueProblems: z.number().int(),
});
export type TaskItem = z.infer<typeof TaskItem>;

export const Problem = z.object({
  id: z.string(),
  campaignId: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  title: z.string(),
  detail: z.string(),
  category: ProblemCategory,
  dueDate: Day,
  status: ProblemStatus,
  /** The day it was raised. */
  raisedDay: Day,
  raisedById: z.string(),
  /** The day it was closed off (销号); null until then. */
  closedDay: Day.nullable(),
  /** Past its due date and not closed off. */
  overdue: z.boolean(),
});
export type Problem = z.infer<typeof Problem>;

/** One step of a problem's history: who, when, from, to, why. `from` is null for raising it. */
export const ProblemEvent = z.object({
  /** ISO instant. */
  at: z.string(),
  byId: z.string(),
  byName: z.string(),
  from: ProblemStatus.nullable(),
  to: ProblemStatus,
  note: z.string(),
});
export type ProblemEvent = z.infer<typeof ProblemEvent>;

export const TaskNote = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  /** The feed post the note's figures became; null for a note without figures. */
  postId: z.string().nullable(),
  /** ISO instant. */
  at: z.string(),
});
export type TaskNote = z.infer<typeof TaskNote>;

export const BlockerCount = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  closed: z.number().int(),
});
