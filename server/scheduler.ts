/**
 * The self-hosted timer: at minute 0 of every hour (Asia/Shanghai), run the reminder jobs that are due.
 * The jobs decide for themselves what is due and dedupe every reminder, so a missed or doubled tick is
 * harmless; croner keeps one run at a time.
 */
import { Cron } from 'croner';
import { runDueJobs } from '../core/app';
import type { Deps } from '../core/app/ports';
import { errorFields, type Log } from './log';

export function startScheduler(deps: Deps, log: Log): { stop(): void } {
  const job = new Cron('0 * * * *', { timezone: 'Asia/Shanghai', protect: true }, async () => {
    try {
      const summary = await runDueJobs(deps);
      if (summary.ran.length > 0 || summary.failed.length > 0) log('info', 'jobs ran', { ...summary });
    } catch (error) {
      log('error', 'jobs failed', errorFields(error));
    }
  });
  return { stop: () => job.stop() };
}
