/**
 * The feed's opening picture is the browser's (./opening-picture.h5.ts): WeChat paints a page from its own
 * initial rendering cache. Here, and for tsc and jest, there is nothing to take or drop.
 */
export function takeOpeningPicture(_userId: string): void {}

export function dropOpeningPicture(): void {}

export function forgetOpeningPicture(): void {}

export function watchOpeningPicture(): void {}
