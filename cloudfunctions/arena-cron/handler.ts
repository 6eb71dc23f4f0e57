/**
 * The `arena-cron` function's handler, apart from the SDK so tests can pass a fake `cloud` and clock.
 * The hourly timer runs the reminder jobs due now (core/app/notifications/jobs.ts: Asia/Shanghai hours, quiet hours,
 * each reminder stored under its dedupe key before it is sent, so a timer that fires twice sends nothing
 * twice), within a time budget below the function's timeout; the next run finishes what is left. An event with a `task` is an operator's console task (./tasks.ts). The mini-program may not call
 * this function: a call that carries an OPENID is refused.
 */
import { fail, ok, type Result } from '../../core/contract';
import { runDueJobs } from '../../core/app';
import { createCloudDeps, type CloudDepsOptions, type CloudMain } from '../../cloud/deps';
import { runTask } from './tasks';

/**
 * The reminder run's time budget. arena-cron's timeout is 60 s (README, deploy step 4): this leaves room
 * for starting up and for the batch in flight; what is left goes out on the next hourly run.
 */
export const CRON_BUDGET_MS = 40_000;

const hasTask = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && 'task' in event;

export function createCronMain({ cloud, ...options }: CloudDepsOptions): CloudMain {
  const wired = createCloudDeps({ cloud, ...options });
  const { deps } = wired;
  return async (event): Promise<Result<unknown>> => {
    if (cloud.getWXContext().OPENID) return fail('FORBIDDEN', '定时任务不能从小程序调用。');
    if (hasTask(event)) return runTask(wired, event);
    const summary = await runDueJobs(deps, { budgetMs: CRON_BUDGET_MS });
    deps.log?.({ level: 'info', msg: 'jobs run', ...summary });
    return ok(summary);
  };
}
