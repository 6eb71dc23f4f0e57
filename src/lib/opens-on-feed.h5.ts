/** Browser: the app opens on the feed when the address names it, or no page at all (it is the first). */
export const opensOnFeed = (): boolean => /^(#\/?(pages\/feed\/index)?(\?.*)?)?$/.test(window.location.hash);
