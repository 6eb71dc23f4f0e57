/** The Node side of the core's ports that are not the store: a clock (real or fixed); ids come from adapters/node. */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/app/ports';
export { nodeIds } from '../adapters/node';

export const systemClock: Clock = { now: () => Date.now() };

/** ARENA_NOW: every reading is the same instant, so demos and tests see a fixed day. */
export const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });

/** Real elapsed time for rate limits, which must move on even when the clock is fixed. */
export const elapsedTimer: Clock = { now: () => performance.timeOrigin + performance.now() };
