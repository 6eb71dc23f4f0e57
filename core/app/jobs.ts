/**
 * The timed jobs (DOMAIN.md "Reminders (cron, Asia/Shanghai)"): the cron function and the self-hosted
 * scheduler call `runDueJobs` every hour; each job says at which campaign-zone hour it is due and which
 * reminders are owed, and delivery stores each under its dedupe key before sending it, so however often
 * the timer fires or a run is retried, each reminder goes out once. Nothing at all during quiet hours.
 * A later job (overdue problems, 约谈 due dates) is one more entry in `jobs`.
 */
import type { Day } from '../contract';
import { dayOf, hourOf } from '../domain/days';
import { isQuietHour } from '../domain/reminders';
import { createCampaignCache, currentCampaign, type CampaignView } from './current';
import { deliver, type Reminder } from './deliver';
import { noPostJob } from './job-no-post';
import type { Deps, UserRecord } from './ports';

export interface JobContext {
  deps: Deps;
  view: CampaignView;
  now: number;
  today: Day;
  /** Everyone, read once per run and only when a job asks. */
  users(): Promise<UserRecord[]>;
}

export interface Job {
  /** Names the job in the summary and the logs. */
  name: string;
  /** Whether it runs at this campaign-zone hour (0–23). */
  due(hour: number): boolean;
  owed(ctx: JobContext): Promise<Reminder[]>;
}

export const jobs: readonly Job[] = [noPostJob];

export interface JobSummary {
  /** The jobs that ran. */
  ran: string[];
  /** Reminders stored (and tried on every channel) by this run. */
  sent: number;
  /** Reminders owed but already stored by an earlier run: nothing was done. */
  skipped: number;
  /** Jobs that threw (logged); the others still ran. */
  failed: string[];
}

export async function runDueJobs(deps: Deps, at: number = deps.clock.now(), list: readonly Job[] = jobs): Promise<JobSummary> {
  const summary: JobSummary = { ran: [], sent: 0, skipped: 0, failed: [] };
  const cur = await currentCampaign(deps.store, createCampaignCache());
  if (!cur.ok) return summary;
  const view = cur.data;
  const tz = view.data.campaign.timezone;
  const hour = hourOf(at, tz);
  if (isQuietHour(hour)) return summary;

  let everyone: Promise<UserRecord[]> | null = null;
  const ctx: JobContext = {
    deps,
    view,
    now: at,
    today: dayOf(at, tz),
    users: () => (everyone ??= deps.store.listUsers()),
  };
  for (const job of list.filter((j) => j.due(hour))) {
    try {
      const owed = await job.owed(ctx);
      const byId = new Map(owed.length > 0 ? (await ctx.users()).map((u) => [u.id, u]) : []);
      for (const reminder of owed) {
        const user = byId.get(reminder.userId);
        if (!user) continue;
        if (await deliver(deps, reminder, user, at)) summary.sent += 1;
        else summary.skipped += 1;
      }
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
  return summary;
}
