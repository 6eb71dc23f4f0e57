/** The Node side of the core's ports that are not the store: a clock (real or fixed) and ids from node:crypto. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, Ids } from '../core/app/ports';

export const systemClock: Clock = { now: () => Date.now() };

/** ARENA_NOW: every reading is the same instant, so demos and tests see a fixed day. */
export const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });

export const nodeIds: Ids = {
  newId: () => randomUUID(),
  newToken: () => randomBytes(32).toString('base64url'),
};
