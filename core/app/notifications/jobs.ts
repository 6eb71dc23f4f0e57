/**
 * The timed jobs (DOMAIN.md "Reminders (cron, Asia/Shanghai)"): the cron function and the self-hosted
 * scheduler call `runDueJobs` every hour; it runs them for each city's current campaign, one city after
 * another, and each job says from which campaign-zone hour it is due and which reminders are owed. A run sends what is still owed today: reminders already stored (by an earlier run,
 * a doubled timer, another instance) are looked up in one read per hundred and skipped, and delivery
 * stores each under its dedupe key before sending it, so nothing goes out twice. Delivery goes in
 * batches and stops between two when the run's time budget is spent; the next hourly run picks up what
 * is left, so neither a missed tick nor a large city loses a day. Nothing at all during quiet hours.
 * Each job is a file (./job-no-post.ts, ./job-problem-overdue.ts, ./job-task-due.ts, ./job-review-due.ts)
 * and an entry in `jobs`.
 */
import { dayOf, hourOf } from '../../domain/days';
import { isQuietHour, reminderKey } from '../../domain/reminders';
import { cityCampaign } from '../campaigns/view';
import { createCampaignCache, type CampaignView } from '../campaigns/view';
import { deliver, type Reminder } from './deliver';
import type { Job, JobContext } from './job';
import { noPostJob } from './job-no-post';
import { problemOverdueJob } from './job-problem-overdue';
import { explanationDueJob, interviewDueJob } from './job-review-due';
import { taskDueJob } from './job-task-due';
import type { Deps } from '../ports';
import type { UserRecord } from '../people/store';

export type { Job, JobContext } from './job';

export const jobs: readonly Job[] = [noPostJob, problemOverdueJob, taskDueJob, interviewDueJob, explanationDueJob];

export interface JobSummary {
  /** The jobs that ran (to the end or to the deadline). */
  ran: string[];
  /** Reminders stored (and tried on every channel) by this run. */
  sent: number;
  /** Reminders owed but already stored by an earlier run: nothing was done. */
  skipped: number;
  /** Jobs that threw (logged); the others still ran. */
  failed: string[];
  /** Reminders owed and not yet tried when the time budget ran out: the next run sends them. */
  left: number;
  /** Jobs stopped (or not begun) for lack of time, to be finished by the next run. */
  unfinished: string[];
}

export interface RunOptions {
  /** The instant the run is for (default: the clock's now). */
  at?: number;
  /**
   * How long the run may take, on `deps.timer` (else the clock): no new batch starts after it. Pass the
   * host's time limit less a batch's worth of margin. Default: no limit.
   */
  budgetMs?: number;
  /** Reminders delivered at once; one user's go one after another. Default 20. */
  batchSize?: number;
  jobs?: readonly Job[];
}

const emptySummary = (): JobSummary => ({ ran: [], sent: 0, skipped: 0, failed: [], left: 0, unfinished: [] });

export async function runDueJobs(deps: Deps, options: RunOptions = {}): Promise<JobSummary> {
  const timer = deps.timer ?? deps.clock;
  const deadline = options.budgetMs === undefined ? Infinity : timer.now() + options.budgetMs;
  const at = options.at ?? deps.clock.now();
  const summary = emptySummary();
  const run: Run = { deps, at, summary, batchSize: options.batchSize ?? 20, outOfTime: () => timer.now() >= deadline };
  const cache = createCampaignCache();
  for (const city of await deps.store.campaigns.listCities()) {
    const cur = await cityCampaign(deps.store.campaigns, cache, city);
    if (cur.ok) await runCity(run, cur.data, city.id, options.jobs ?? jobs);
  }
  return summary;
}

/** The jobs due now for one city's current campaign. */
async function runCity(run: Run, view: CampaignView, cityId: string, all: readonly Job[]): Promise<void> {
  const { deps, at, summary } = run;
  const tz = view.data.campaign.timezone;
  const hour = hourOf(at, tz);
  if (isQuietHour(hour)) return;

  let everyone: Promise<UserRecord[]> | null = null;
  const ctx: JobContext = {
    deps,
    view,
    now: at,
    today: dayOf(at, tz),
    users: () => (everyone ??= deps.store.people.listUsers({ cityId })),
  };
  for (const job of all.filter((j) => j.due(hour))) {
    if (run.outOfTime()) {
      summary.unfinished.push(job.name);
      continue;
    }
    try {
      await runJob(run, job, ctx);
      summary.ran.push(job.name);
    } catch (error) {
      summary.failed.push(job.name);
      deps.log?.({
        level: 'error',
        msg: 'job failed',
        job: job.name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

interface Run {
  deps: Deps;
  at: number;
  summary: JobSummary;
  batchSize: number;
  outOfTime(): boolean;
}

async function runJob(run: Run, job: Job, ctx: JobContext): Promise<void> {
  const { deps, summary } = run;
  const owed = await job.owed(ctx);
  if (owed.length === 0) return;
  const byId = new Map((await ctx.users()).map((u) => [u.id, u]));
  const keyOf = (r: Reminder) => reminderKey(r.userId, r.kind, r.subjectId, r.period);
  const known = owed.filter((r) => byId.has(r.userId));
  const stored = await deps.store.notifications.storedDedupeKeys(known.map(keyOf));
  const todo = known.filter((r) => !stored.has(keyOf(r)));
  summary.skipped += known.length - todo.length;

  for (let i = 0; i < todo.length; i += run.batchSize) {
    if (run.outOfTime()) {
      summary.left += todo.length - i;
      summary.unfinished.push(job.name);
      return;
    }
    await deliverBatch(run, todo.slice(i, i + run.batchSize), byId);
  }
}

/** One batch: users in parallel, each user's reminders in order (their credits change as they go). */
async function deliverBatch(run: Run, batch: Reminder[], byId: ReadonlyMap<string, UserRecord>): Promise<void> {
  const perUser = new Map<string, Reminder[]>();
  for (const r of batch) perUser.set(r.userId, [...(perUser.get(r.userId) ?? []), r]);
  await Promise.all(
    [...perUser].map(async ([userId, reminders]) => {
      const user = byId.get(userId);
      if (!user) return;
      for (const reminder of reminders) {
        if (await deliver(run.deps, reminder, user, run.at)) run.summary.sent += 1;
        else run.summary.skipped += 1;
      }
    }),
  );
}
