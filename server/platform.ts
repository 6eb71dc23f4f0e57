/** The server's own clocks: one fixed by ARENA_NOW, and real elapsed time for rate limits (the rest: adapters/node). */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/app/ports';

/** ARENA_NOW: every reading is the same instant, so demos and tests see a fixed day. */
export const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });

/** Real elapsed time for rate limits, which must move on even when the clock is fixed. */
export const elapsedTimer: Clock = { now: () => performance.timeOrigin + performance.now() };
