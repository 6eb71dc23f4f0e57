/**
 * What a timed job is (./jobs.ts runs them): when it is due, and which reminders it owes. Each job is a
 * file of its own (./job-no-post.ts) that needs only this, so the runner's list of jobs imports the jobs
 * and no job imports the runner.
 */
import type { Day } from '../../contract';
import type { CampaignView } from '../campaigns/view';
import type { UserRecord } from '../people/store';
import type { Deps } from '../ports';
import type { Reminder } from './deliver';

export interface JobContext {
  deps: Deps;
  view: CampaignView;
  now: number;
  today: Day;
  /** Everyone of the campaign's city, read once per run and only when a job asks. */
  users(): Promise<UserRecord[]>;
}

export interface Job {
  /** Names the job in the summary and the logs. */
  name: string;
  /** Whether it runs at this campaign-zone hour (0–23); quiet hours are never asked. */
  due(hour: number): boolean;
  owed(ctx: JobContext): Promise<Reminder[]>;
}
