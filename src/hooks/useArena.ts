/** The current campaign (tracks, metrics, units, targets), loaded once per session and shared by all pages. */
import { call } from '../api/call';
import { buildArena, type Arena } from '../lib/arena';
import { useAsync, type AsyncState } from './useAsync';

let cached: { userId: string; promise: Promise<Arena> } | null = null;

export function loadArena(userId: string): Promise<Arena> {
  if (cached?.userId !== userId) {
    const promise = call('campaign.current', {}).then(buildArena);
    // A failure is not cached: the next page (or a retry) asks again.
    promise.catch(() => {
      if (cached?.promise === promise) cached = null;
    });
    cached = { userId, promise };
  }
  return cached.promise;
}

/** `userId` null: not signed in yet, so wait. */
export function useArena(userId: string | null): AsyncState<Arena> {
  return useAsync(userId, () => loadArena(userId ?? ''));
}
