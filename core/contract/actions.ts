/**
 * The one API: every action's name, its input schema and its output schema.
 * The client, the self-hosted server and the cloud function all import this map,
 * so a renamed action or field fails to compile instead of failing at run time.
 */
import { z } from 'zod';
import {
  Campaign,
  Day,
  Light,
  MetricStanding,
  Post,
  Role,
  StandingRow,
  Track,
  Unit,
  Target,
  User,
} from './entities';
import { CampaignFile } from './campaign-file';
import { MetricExplain, UnitExplain } from './explain';
import { Account, Invite, InviteCode, Notification, Password, PersonName } from './people';
import {
  BlockerCount,
  Problem,
  ProblemCategory,
  ProblemEvent,
  ProblemStatus,
  Task,
  TaskInput,
  TaskItem,
  TaskNote,
} from './tasks';
import { Period } from './months';
import { Comment, Exemplar, FeedPost, LearnDivision } from './social';
import {
  Explanation,
  ExplanationStatus,
  Interview,
  InterviewStatus,
  LedgerEntry,
  Review,
  ReviewDraft,
  ReviewNotice,
  ReviewSummary,
} from './reviews';

const Empty = z.object({}).strict();
const Id = (what: string) =>
  z
    .string({ error: `${what}应为字符串` })
    .min(1, `请提供${what}`)
    .max(100, `${what}过长`);

/**
 * The campaign an action is about: one of the caller's city, by default the city's current one. A
 * campaign of another city is answered as one that does not exist.
 */
const InCampaign = z.object({ campaignId: Id('竞赛 ID').optional() });

/** Chosen by the phone once per write; a retry sends the same one, and is answered as the first. */
const RequestId = z
  .string({ error: '缺少请求编号 requestId' })
  .min(8, 'requestId 至少 8 个字符')
  .max(100, 'requestId 过长');

export const FigureInput = z.object({
  metricId: Id('指标 ID'),
  value: z.number({ error: '数值应为数字' }).min(0, '数值不能小于 0').max(1e9, '数值不能超过 10 亿'),
});

/** The figures one post (or one task note) reports. */
const Figures = z.array(FigureInput).max(100, '一次最多填报 100 个指标');
/** Why a running total went down: asked for when the rules ask (core/domain/corrections.ts). */
const CorrectionReason = z.string().trim().min(1, '更正原因不能为空').max(500, '更正原因不能超过 500 字');

export const PostCreateInput = InCampaign.extend({
  unitId: Id('单位 ID'),
  figures: Figures.default([]),
  text: z.string({ error: '正文应为文字' }).max(2000, '正文不能超过 2000 字').default(''),
  photos: z.array(z.string().min(1).max(1000)).max(9, '最多 9 张照片').optional(),
  /** Chosen by the phone once per post; a retry sends the same one. */
  requestId: RequestId,
  correctionReason: CorrectionReason.optional(),
});
export type PostCreateInput = z.input<typeof PostCreateInput>;

export const UserOut = z.object({ user: User });

/** action name → { input, output }. */
export const actions = {
  'auth.demoUsers': {
    input: Empty,
    output: z.object({ users: z.array(User) }),
  },
  'auth.demoLogin': {
    input: z.object({ userId: Id('用户 ID') }),
    output: z.object({ token: z.string(), user: User }),
  },
  'me.get': {
    input: Empty,
    output: UserOut,
  },
  'campaign.current': {
    input: InCampaign.strict(),
    output: z.object({
      campaign: Campaign,
      tracks: z.array(Track),
      units: z.array(Unit),
      targets: z.array(Target),
    }),
  },
  /** The campaigns of the caller's city, latest start first, the current one marked. */
  'campaign.list': {
    input: Empty,
    output: z.object({
      city: z.object({ id: z.string(), name: z.string() }),
      campaigns: z.array(Campaign.extend({ current: z.boolean() })),
    }),
  },
  'post.create': {
    input: PostCreateInput,
    output: z.object({ post: Post }),
  },
  'post.list': {
    input: InCampaign.extend({
      unitId: Id('单位 ID').optional(),
      cursor: z.string().max(200).optional(),
      limit: z.number().int('条数应为整数').min(1, '条数至少为 1').max(50, '每页最多 50 条').default(20),
    }),
    output: z.object({
      items: z.array(FeedPost),
      nextCursor: z.string().nullable(),
      /**
       * Published 通报 whose time falls within this page (from the page's last post to the one before
       * it), for the feed to show among the posts by time. Absent on a unit's own feed.
       */
      notices: z.array(ReviewNotice).optional(),
    }),
  },
  'board.leaderboard': {
    input: InCampaign.extend({
      trackId: Id('子活动 ID').optional(),
      division: z.string().min(1).max(100).optional(),
    }),
    output: z.object({
      /** ISO instant the standings were computed for. */
      asOf: z.string(),
      timeProgress: z.number(),
      rows: z.array(StandingRow),
    }),
  },
  'unit.detail': {
    input: InCampaign.extend({ unitId: Id('单位 ID') }),
    output: z
      .object({
        unit: Unit,
        standing: StandingRow,
        metrics: z.array(MetricStanding.extend(MetricExplain.shape)),
        /** Points to the unit ranked just above in its division; null for the first. */
        gapToPrev: z.number().nullable(),
      })
      .extend(UnitExplain.shape),
  },
  /** The unit's daily completion against 序时, oldest first, for the trend chart (from Store.unitDailyFigures). */
  'unit.trend': {
    input: InCampaign.extend({ unitId: Id('单位 ID') }),
    output: z.object({
      points: z.array(
        z.object({
          day: Day,
          /** The unit's completion at the close of `day` (the same measure as StandingRow.completion). */
          completion: z.number(),
          /** 序时 on `day`. */
          timeProgress: z.number(),
        }),
      ),
    }),
  },
  // --- joining (issue 4) ----------------------------------------------------
  /** Self-hosted: an account and password for a signed-up user. Attempts are rate-limited. */
  'auth.login': {
    input: z.object({ account: Account, password: Password }),
    output: z.object({ token: z.string(), user: User }),
  },
  /** Self-hosted: redeem an invite code into a new account, and sign in. */
  'auth.join': {
    input: z.object({ inviteCode: InviteCode, name: PersonName, account: Account, password: Password }),
    output: z.object({ token: z.string(), user: User }),
  },
  /** Ends the caller's session (self-hosted); a no-op on WeChat, where the OPENID is the identity. */
  'me.logout': {
    input: Empty,
    output: z.object({}),
  },
  /**
   * Ends every session of the caller, this one included (sign out everywhere); answers how many had not
   * expired. On WeChat the OPENID still identifies the caller.
   */
  'me.logoutAll': {
    input: Empty,
    output: z.object({ ended: z.number().int() }),
  },
  /** WeChat: bind the caller's OPENID to the invite's unit and role. */
  'me.bind': {
    input: z.object({ inviteCode: InviteCode, name: PersonName }),
    output: UserOut,
  },
  /** Admin only: a single-use code that expires. Reporters and unit leaders need a unit. */
  'admin.invite': {
    input: InCampaign.extend({
      role: Role,
      unitId: Id('单位 ID').optional(),
      /** Hours the code stays valid (default 72, at most 30 days). */
      validHours: z
        .number()
        .int('有效期应为整数小时')
        .min(1, '有效期至少 1 小时')
        .max(720, '有效期最多 30 天')
        .default(72),
    }),
    output: z.object({ invite: Invite }),
  },
  /**
   * Admin only: ends every session of a user of the admin's city (a user of another city is NOT_FOUND,
   * like a missing one); answers how many had not expired.
   */
  'admin.user.revokeSessions': {
    input: z.object({ userId: Id('用户 ID') }),
    output: z.object({ ended: z.number().int() }),
  },
  /**
   * Admin only: saves a campaign of the admin's city, validated whole (nothing is saved if any part is
   * wrong); saving an existing id replaces it. A campaign id another city uses is refused.
   */
  'admin.campaign.save': {
    input: CampaignFile.and(z.object({ makeCurrent: z.boolean().default(false) })),
    output: z.object({
      campaignId: z.string(),
      /** The city's current campaign after the save. */
      currentCampaignId: z.string().nullable(),
      counts: z.object({ tracks: z.number(), metrics: z.number(), units: z.number(), targets: z.number() }),
    }),
  },
  /** Admin only: a campaign of the admin's city, in the shape `admin.campaign.save` takes. */
  'admin.campaign.load': {
    input: z.object({ campaignId: Id('竞赛 ID') }),
    output: CampaignFile,
  },
  /** Admin only: makes one of the city's campaigns the one actions without `campaignId` mean. */
  'admin.campaign.setCurrent': {
    input: z.object({ campaignId: Id('竞赛 ID') }),
    output: z.object({ currentCampaignId: z.string() }),
  },
  // --- 挂图作战 and 难题销号 (issue 12) ----------------------------------------
  /** The campaign's tasks, by track then deadline, with each one's light and problem counts. */
  'task.list': {
    input: InCampaign.extend({
      trackId: Id('子活动 ID').optional(),
      unitId: Id('单位 ID').optional(),
      light: Light.optional(),
    }),
    output: z.object({ items: z.array(TaskItem) }),
  },
  /** One task, its problems (open first) and its progress notes (newest first). */
  'task.get': {
    input: InCampaign.extend({ taskId: Id('任务 ID') }),
    output: z.object({ task: TaskItem, problems: z.array(Problem), notes: z.array(TaskNote) }),
  },
  /** Admins and supervisors: creates (no id) or edits a task of the campaign. */
  'task.save': {
    input: InCampaign.extend({ task: TaskInput }),
    output: z.object({ task: Task }),
  },
  /**
   * The task's responsible units: a progress note; figures, when given, also become a normal post in the
   * feed (the same rules as post.create).
   */
  'task.note': {
    input: InCampaign.extend({
      taskId: Id('任务 ID'),
      /** The caller's unit when absent. */
      unitId: Id('单位 ID').optional(),
      text: z.string({ error: '进展应为文字' }).trim().min(1, '请填写进展').max(2000, '进展不能超过 2000 字'),
      figures: Figures.optional(),
      requestId: RequestId,
      correctionReason: CorrectionReason.optional(),
    }),
    output: z.object({ note: TaskNote }),
  },
  /** A task's responsible unit (for itself) or a supervisor: raises a problem against the task. */
  'problem.create': {
    input: InCampaign.extend({
      taskId: Id('任务 ID'),
      title: z.string({ error: '难题应为文字' }).trim().min(1, '请填写难题').max(100, '难题不能超过 100 字'),
      detail: z.string({ error: '详情应为文字' }).trim().max(2000, '详情不能超过 2000 字').default(''),
      category: ProblemCategory,
      unitId: Id('责任单位'),
      dueDate: Day,
      requestId: RequestId,
    }),
    output: z.object({ problem: Problem }),
  },
  /** One step of the lifecycle (open → in_progress → resolved → closed, or resolved → reopened → …). */
  'problem.transition': {
    input: InCampaign.extend({
      problemId: Id('难题 ID'),
      to: ProblemStatus,
      note: z.string({ error: '说明应为文字' }).trim().max(500, '说明不能超过 500 字').default(''),
      requestId: RequestId,
    }),
    output: z.object({ problem: Problem }),
  },
  /** The campaign's problems, the longest open first, closed ones last; filters combine. */
  'problem.list': {
    input: InCampaign.extend({
      status: ProblemStatus.optional(),
      category: ProblemCategory.optional(),
      unitId: Id('单位 ID').optional(),
      taskId: Id('任务 ID').optional(),
      overdue: z.boolean().optional(),
      cursor: z.string().max(200).optional(),
      limit: z.number().int('条数应为整数').min(1, '条数至少为 1').max(50, '每页最多 50 条').default(20),
    }),
    output: z.object({ items: z.array(Problem), nextCursor: z.string().nullable() }),
  },
  /** Every step of a problem, oldest first. */
  'problem.history': {
    input: InCampaign.extend({ problemId: Id('难题 ID') }),
    output: z.object({ events: z.array(ProblemEvent) }),
  },
  /** 拆槛除障: problems by cause category and by track, and the oldest open ones. */
  'board.blockers': {
    input: InCampaign.strict(),
    output: z.object({
      byCategory: z.array(BlockerCount.extend({ category: ProblemCategory })),
      byTrack: z.array(BlockerCount.extend({ trackId: z.string(), trackName: z.string() })),
      oldestOpen: z.array(Problem),
    }),
  },
  // --- the monthly 通报, 约谈, 书面说明 and 扣分 (issue 13) --------------------
  /** Supervisors: the 通报 of a closed month as the figures give it now (nothing is saved). */
  'review.draft': {
    input: InCampaign.extend({ period: Period }),
    output: ReviewDraft,
  },
  /**
   * Supervisors: freezes the draft as the month's 通报 (a new version when one is published already and
   * something changed), posts it to the feed, tells leaders and supervisors, and calls the flagged units'
   * 约谈. CONFLICT when the month is not over, or nothing changed since the published version.
   */
  'review.publish': {
    input: InCampaign.extend({
      period: Period,
      note: z.string({ error: '按语应为文字' }).trim().max(2000, '按语不能超过 2000 字').default(''),
      requestId: RequestId,
    }),
    output: z.object({ review: Review }),
  },
  /** A published 通报: the latest version, or the one asked for; with every version's number. */
  'review.get': {
    input: InCampaign.extend({ period: Period, version: z.number().int().positive().optional() }),
    output: z.object({ review: Review, versions: z.array(z.number().int()) }),
  },
  /** The campaign's months: each one closed or not, and its published 通报 (latest version), newest first. */
  'review.list': {
    input: InCampaign.strict(),
    output: z.object({
      months: z.array(
        z.object({ period: Period, closed: z.boolean(), published: ReviewSummary.nullable() }),
      ),
    }),
  },
  /**
   * A published 通报 as an Excel workbook (one sheet per division, the layout of a government 通报 table):
   * the bytes themselves, base64, for the phone to save and open (a 通报 is tens of kilobytes).
   */
  'review.export': {
    input: InCampaign.extend({ period: Period, version: z.number().int().positive().optional() }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  },
  /** 约谈 records, by due date; a unit's staff see their own unit's. Filters combine. */
  'interview.list': {
    input: InCampaign.extend({
      period: Period.optional(),
      unitId: Id('单位 ID').optional(),
      status: InterviewStatus.optional(),
    }),
    output: z.object({ items: z.array(Interview) }),
  },
  /** Supervisors: the 约谈 was held, on which day, with a note. */
  'interview.record': {
    input: InCampaign.extend({
      interviewId: Id('约谈 ID'),
      heldAt: Day,
      note: z.string({ error: '记录应为文字' }).trim().min(1, '请填写约谈情况').max(2000, '约谈情况不能超过 2000 字'),
      requestId: RequestId,
    }),
    output: z.object({ interview: Interview }),
  },
  /** 书面说明 requests (made once the campaign is over), by due date; a unit's staff see their own unit's. */
  'explanation.list': {
    input: InCampaign.extend({ unitId: Id('单位 ID').optional(), status: ExplanationStatus.optional() }),
    output: z.object({ items: z.array(Explanation) }),
  },
  /** That unit's leader: submits (or, once returned, submits again) the written explanation. */
  'explanation.submit': {
    input: InCampaign.extend({
      explanationId: Id('书面说明 ID'),
      text: z.string({ error: '说明应为文字' }).trim().min(1, '请填写书面说明').max(5000, '书面说明不能超过 5000 字'),
      photos: z.array(z.string().min(1).max(1000)).max(9, '最多 9 张照片').optional(),
      requestId: RequestId,
    }),
    output: z.object({ explanation: Explanation }),
  },
  /** Supervisors: accepts a submitted explanation, or returns it with a reason. */
  'explanation.decide': {
    input: InCampaign.extend({
      explanationId: Id('书面说明 ID'),
      decision: z.enum(['accept', 'return'], { error: '请选择通过或退回' }),
      reason: z.string({ error: '退回原因应为文字' }).trim().max(500, '退回原因不能超过 500 字').optional(),
      requestId: RequestId,
    }),
    output: z.object({ explanation: Explanation }),
  },
  /** The assessment ledger, oldest first, with each unit's total; a unit's staff see their own unit's. */
  'ledger.list': {
    input: InCampaign.extend({ unitId: Id('单位 ID').optional() }),
    output: z.object({
      entries: z.array(LedgerEntry),
      totals: z.array(z.object({ unitId: z.string(), unitName: z.string(), points: z.number() })),
    }),
  },
  /** Supervisors: undoes a deduction with a new entry (the ledger is never edited), with the reason. */
  'ledger.reverse': {
    input: InCampaign.extend({
      entryId: Id('扣分记录 ID'),
      reason: z.string({ error: '原因应为文字' }).trim().min(1, '请填写撤销原因').max(500, '原因不能超过 500 字'),
      requestId: RequestId,
    }),
    output: z.object({ entry: LedgerEntry }),
  },
  // --- 学 and reactions (issue 14) ------------------------------------------
  /** 赞 a post once, or take it back (`on: false`); doing it twice changes nothing. Never enters a score. */
  'post.react': {
    input: InCampaign.extend({ postId: Id('动态 ID'), on: z.boolean({ error: 'on 应为 true 或 false' }) }),
    output: z.object({ likes: z.number().int(), likedByMe: z.boolean() }),
  },
  /** A comment, content-checked like a post; a city leader's is a 点评. The post's unit and earlier commenters are told in the app. */
  'post.comment': {
    input: InCampaign.extend({
      postId: Id('动态 ID'),
      text: z.string({ error: '评论应为文字' }).trim().min(1, '请填写评论').max(500, '评论不能超过 500 字'),
      requestId: RequestId,
    }),
    output: z.object({ comment: Comment }),
  },
  /** A post's comments: 点评 first, then the others, each oldest first, page by page. */
  'post.comments': {
    input: InCampaign.extend({ postId: Id('动态 ID'), cursor: z.string().max(200).optional() }),
    output: z.object({ items: z.array(Comment), nextCursor: z.string().nullable() }),
  },
  /** Supervisors and city leaders: marks a post 经验做法 with a one-line reason, or unmarks it. */
  'post.exemplar': {
    input: InCampaign.extend({
      postId: Id('动态 ID'),
      on: z.boolean({ error: 'on 应为 true 或 false' }),
      reason: z.string({ error: '理由应为文字' }).trim().max(100, '理由不能超过 100 字').optional(),
    }),
    output: z.object({ exemplar: Exemplar.nullable() }),
  },
  /** 学: the exemplars, newest first (of a track when given), and the top three of each division with their latest posts. */
  'learn.list': {
    input: InCampaign.extend({ trackId: Id('子活动 ID').optional(), cursor: z.string().max(200).optional() }),
    output: z.object({
      exemplars: z.array(FeedPost),
      nextCursor: z.string().nullable(),
      leaders: z.array(LearnDivision),
    }),
  },
  // --- reminders ------------------------------------------------------------
  'notify.list': {
    input: z.object({
      cursor: z.string().max(200).optional(),
      limit: z.number().int('条数应为整数').min(1, '条数至少为 1').max(50, '每页最多 50 条').default(20),
    }),
    output: z.object({
      items: z.array(Notification),
      unread: z.number().int(),
      nextCursor: z.string().nullable(),
    }),
  },
  /** Marks the given notifications (or all of the caller's) read. */
  'notify.read': {
    input: z.object({ ids: z.array(Id('消息 ID')).max(100).optional(), all: z.boolean().optional() }),
    output: z.object({ unread: z.number().int() }),
  },
  /**
   * WeChat: the caller accepted subscription messages for these template ids (each acceptance allows one
   * message of that template); answers the caller's credits by template id.
   */
  'notify.subscribe': {
    input: z.object({ accepted: z.array(z.string().min(1).max(100)).max(10) }),
    output: z.object({ credits: z.record(z.string(), z.number().int()) }),
  },
} as const;

export type Actions = typeof actions;
export type ActionName = keyof Actions;
/** What a caller sends (defaults still optional). */
export type ActionInput<A extends ActionName> = z.input<Actions[A]['input']>;
/** What a handler receives (defaults applied). */
export type ActionArgs<A extends ActionName> = z.output<Actions[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<Actions[A]['output']>;

export const actionNames = Object.keys(actions) as ActionName[];
export const isActionName = (name: string): name is ActionName => Object.hasOwn(actions, name);

/** The request body every host accepts. */
export const Envelope = z.object({
  action: z.string({ error: '缺少 action' }).min(1, '缺少 action'),
  data: z.record(z.string(), z.unknown()).default({}),
});
