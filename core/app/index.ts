/**
 * The arena's use cases behind one router. Hosts (the self-hosted server, the cloud function, tests)
 * call `createArena(deps).handle(body, caller)`; the timers (the cron function, the server's scheduler)
 * call `runDueJobs(deps)` every hour; the demo seed uses `decideFigures`; at start, a host logs
 * `demoOffNotice(deps)` when it is not null (demo mode off on a store with demo users).
 */
export { createArena, routes, type Arena, type Caller } from './router';
export { runDueJobs, jobs, type Job, type JobSummary, type RunOptions } from './notifications/jobs';
export { INVITE_ALPHABET, INVITE_LENGTH, issueInvite } from './people/invite';
export { demoOffNotice, type DemoOffNotice } from './people/demo';
export { saveCampaignFile, toCampaignData, toCampaignFile } from './campaigns/file';
export { decideFigures } from './posts/decide-figures';
export { createRateLimiter, type RateLimiter } from './rate-limit';
export type * from './ports';
