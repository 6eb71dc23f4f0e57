/**
 * The records the arena shows, as the API carries them (see DOMAIN.md "The objects").
 * Types follow from the schemas; nothing here is written twice.
 */
import { z } from 'zod';
import { MonthlyTarget } from './months';

/** A calendar day in the campaign's time zone. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export type Day = z.infer<typeof Day>;

export const roles = ['reporter', 'unit_leader', 'supervisor', 'leader', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleNames: Record<Role, string> = {
  reporter: '填报员',
  unit_leader: '单位负责人',
  supervisor: '督办员',
  leader: '市领导',
  admin: '管理员',
};

export const Weights = z.object({
  performance: z.number().nonnegative(),
  speed: z.number().nonnegative(),
  quality: z.number().nonnegative(),
  effort: z.number().nonnegative(),
  contribution: z.number().nonnegative(),
});
export type Weights = z.infer<typeof Weights>;
export type Dimension = keyof Weights;
export const dimensions: readonly Dimension[] = ['performance', 'speed', 'quality', 'effort', 'contribution'];

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  startDate: Day,
  endDate: Day,
  timezone: z.string(),
  weights: Weights,
  /** Days without a post before the unit's reporters are reminded (DOMAIN.md "Reminders"). */
  postEveryDays: z.number().int().positive().optional(),
  /** Days after the end during which final figures may still be posted, counted as of the end day (default 15). */
  lateDays: z.number().int().nonnegative().max(90).optional(),
  /**
   * A figure that moves more than this many times the unit's typical gain in one post asks the reporter to
   * confirm it (core/domain/figure-entry.ts; default 5).
   */
  jumpMultiple: z.number().positive().max(1000).optional(),
  /** Days a unit has to submit a 书面说明 once asked (default 7). */
  explainDays: z.number().int().min(1).max(90).optional(),
  /** Assessment points deducted per missed target (default 1). */
  pointsPerMiss: z.number().min(0).max(100).optional(),
  /** Days after a 通报 is published by which its 约谈 are due (default 10). */
  interviewDays: z.number().int().min(1).max(90).optional(),
});
export type Campaign = z.infer<typeof Campaign>;

export const MetricKind = z.enum(['cumulative', 'rate', 'count']);
export type MetricKind = z.infer<typeof MetricKind>;
export const Direction = z.enum(['up', 'down']);
export type Direction = z.infer<typeof Direction>;

/**
 * The values a figure of a metric may take, in its measure, when the defaults do not fit (a figure is never
 * below 0 nor above 10 亿; the defaults and the check are core/domain/figure-range.ts).
 */
export const MetricRange = z
  .object({
    min: z.number({ error: '范围下限应为数字' }).min(0, '范围下限不能小于 0'),
    max: z.number({ error: '范围上限应为数字' }).max(1e9, '范围上限不能超过 10 亿'),
  })
  .refine((r) => r.min < r.max, { error: '指标范围的下限应小于上限' });
export type MetricRange = z.infer<typeof MetricRange>;

export const Metric = z.object({
  id: z.string(),
  name: z.string(),
  /** Unit of measure: 亿元, %, 个, 台. */
  measure: z.string(),
  kind: MetricKind,
  direction: Direction,
  /** Counted in the monthly 通报 (固定资产投资, 招商引资). */
  reviewed: z.boolean().optional(),
  /** Set by the campaign to replace the default plausible range of a figure. */
  range: MetricRange.optional(),
  /**
   * Compared with 序时 (DOMAIN.md "Pace"). Absent: the default, paced for `cumulative` and `count` metrics
   * with `up`. Set true for a rate that builds up over the campaign (开工率, 入库率); a `down` metric (a
   * ceiling) is never paced.
   */
  paced: z.boolean().optional(),
});
export type Metric = z.infer<typeof Metric>;

export const Track = z.object({
  id: z.string(),
  name: z.string(),
  leadUnitId: z.string(),
  metrics: z.array(Metric),
});
export type Track = z.infer<typeof Track>;

export const Unit = z.object({
  id: z.string(),
  name: z.string(),
  /** 分组: like is ranked with like. */
  division: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const Target = z.object({
  unitId: z.string(),
  metricId: z.string(),
  target: z.number().positive(),
  /** Monthly targets and last year's same months, for the monthly 通报 of reviewed metrics. */
  monthly: z.array(MonthlyTarget).max(24, '月度目标最多 24 个月').optional(),
});
export type Target = z.infer<typeof Target>;

export const User = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const PostFigure = z.object({
  metricId: z.string(),
  value: z.number(),
  /** The unit's latest value before this post; null for the first report. */
  previous: z.number().nullable(),
});
export type PostFigure = z.infer<typeof PostFigure>;

export const Post = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  /** ISO 8601 instant. */
  createdAt: z.string(),
  figures: z.array(PostFigure),
  text: z.string(),
  photos: z.array(z.string()),
  /** Set when a running total was lowered on purpose: a recorded correction. */
  correctionReason: z.string().nullable(),
  /** The content check asked for a supervisor's review (published meanwhile). */
  flagged: z.boolean().optional(),
  /** Indexes into `photos` of photos an image check hid (kept, not deleted): their URL is '' and they show as a grey tile. */
  hiddenPhotos: z.array(z.number().int().min(0)).optional(),
});
export type Post = z.infer<typeof Post>;

export const Light = z.enum(['green', 'yellow', 'red', 'done']);
export type Light = z.infer<typeof Light>;
export const lightNames: Record<Light, string> = { green: '正常', yellow: '预警', red: '滞后', done: '完成' };

export const Dims = z.object({
  performance: z.number(),
  speed: z.number(),
  quality: z.number(),
  effort: z.number(),
  contribution: z.number(),
});
export type Dims = z.infer<typeof Dims>;

export const StandingRow = z.object({
  /** Rank in the view asked for: within the division when one is given, else overall. */
  rank: z.number().int().positive(),
  overallRank: z.number().int().positive(),
  divisionRank: z.number().int().positive(),
  unitId: z.string(),
  unitName: z.string(),
  division: z.string(),
  score: z.number(),
  dims: Dims,
  /** Plain means over the unit's metrics (uncapped). `pace` is the 进度比 the light is read from. */
  completion: z.number(),
  pace: z.number(),
  light: Light,
  /** What the light is made of: how many of its metrics are at each light. */
  lightCounts: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), done: z.number().int() }),
  /** Metrics never reported (未填报). */
  unreported: z.number().int(),
  /** The metric furthest behind; null when every metric is done. */
  worstMetricId: z.string().nullable(),
  /**
   * That metric's own figures, so the row can name it as "滞后：特色小镇完成投资 30.9% / 序时 40%": its light,
   * completion and the completion expected today (τ when paced, else 1). null when every metric is done.
   */
  worst: z
    .object({ metricId: z.string(), light: Light, reported: z.boolean(), completion: z.number(), expected: z.number() })
    .nullable()
    .optional(),
  /** Places gained since the previous day's close (positive = up); null when it was not ranked then. */
  rankDelta: z.number().int().nullable(),
});
export type StandingRow = z.infer<typeof StandingRow>;

export const MetricStanding = z.object({
  metricId: z.string(),
  target: z.number(),
  value: z.number().nullable(),
  completion: z.number(),
  pace: z.number(),
  light: Light,
  /** T − A for `up`, A − T for `down` (never below 0). */
  remaining: z.number(),
  /**
   * What must be done each remaining day, counting today, in the metric's measure; 0 when nothing is
   * left; null for rates and `down` metrics, which are held to the target every day.
   */
  perDayNeeded: z.number().nullable(),
  /** How far behind 序时 the unit is, in the metric's measure: τ·T − A (0 when ahead); null as above. */
  behindSchedule: z.number().nullable(),
});
export type MetricStanding = z.infer<typeof MetricStanding>;
