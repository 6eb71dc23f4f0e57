/**
 * "The first screen has its data": what the app's own side requests (the unread badge) wait for, so that on
 * a slow network they do not queue ahead of, or share the line with, what the person opened the app to see.
 * The feed says so when its fresh answer has come (or failed); an app opened on another page goes on after
 * a short wait instead.
 */

/** Opened elsewhere than the feed, nobody says so: this long after start, wait no more. */
export const FIRST_SCREEN_AT_MOST_MS = 3000;

let done: () => void = () => {};
let settled = false;
const ready = new Promise<void>((resolve) => {
  done = resolve;
});

/** The first page on screen has its data (or gave up on it). Later calls change nothing. */
export function firstScreenSettled(): void {
  settled = true;
  done();
}

/** Resolves once the first screen has its data, or after `atMostMs`, whichever is first. */
export function afterFirstScreen(atMostMs = FIRST_SCREEN_AT_MOST_MS): Promise<void> {
  if (settled) return Promise.resolve();
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, atMostMs))]);
}
