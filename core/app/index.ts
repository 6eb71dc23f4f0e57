/**
 * The arena's use cases behind one router. Hosts (the self-hosted server, the cloud function, tests)
 * call `createArena(deps).handle(body, caller)`; the demo seed uses `decideFigures`.
 */
export { createArena, routes, type Arena, type Caller } from './router';
export { decideFigures } from './decide-figures';
export { createRateLimiter, type RateLimiter } from './rate-limit';
export type * from './ports';
