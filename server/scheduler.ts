/**
 * The self-hosted timer: at minute 0 of every hour (Asia/Shanghai), run the reminder jobs that are due.
 * The jobs decide for themselves what is due (from 09:00 until quiet hours, whatever is still owed that
 * day) and dedupe every reminder, so a missed or doubled tick is harmless; croner keeps one run at a time.
 * At minute 30, the upload sweep (./sweep.ts), when the host gives one.
 */
import { Cron } from 'croner';
import { runDueJobs } from '../core/app';
import type { Deps } from '../core/app/ports';
import { errorFields, type Log } from './log';

export const SCHEDULER_BUDGET_MS = 50 * 60_000;

export function startScheduler(
  deps: Deps,
  log: Log,
  sweep?: () => Promise<Record<string, number>>,
): { stop(): void } {
  const job = new Cron('0 * * * *', { timezone: 'Asia/Shanghai', protect: true }, async () => {
    try {
      // Ends well before the next tick; croner's `protect` would skip a tick that found it still running.
      const summary = await runDueJobs(deps, { budgetMs: SCHEDULER_BUDGET_MS });
      if (summary.ran.length > 0 || summary.failed.length > 0 || summary.unfinished.length > 0)
        log('info', 'jobs ran', { ...summary });
    } catch (error) {
      log('error', 'jobs failed', errorFields(error));
    }
  });
  const sweeping = sweep
    ? new Cron('30 * * * *', { timezone: 'Asia/Shanghai', protect: true }, async () => {
        try {
          const summary = await sweep();
          if (Object.values(summary).some((n) => n > 0)) log('info', 'uploads swept', summary);
        } catch (error) {
          log('error', 'upload sweep failed', errorFields(error));
        }
      })
    : null;
  return {
    stop: () => {
      job.stop();
      sweeping?.stop();
    },
  };
}
