/**
 * Whether the app opens on the feed, so that its requests may go out before its page has loaded. WeChat
 * (and tsc, jest): no, the feed's page asks once it is up, as it always has. The browser: ./opens-on-feed.h5.ts.
 */
export const opensOnFeed = (): boolean => false;
