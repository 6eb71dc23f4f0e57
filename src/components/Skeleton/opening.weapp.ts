/** WeChat: pages open at once (the unit package is preloaded from 榜, and WeChat shows its own loading). */
export const showShellWhileOpening =
  (_pages: unknown[]): (() => void) =>
  () =>
    undefined;
