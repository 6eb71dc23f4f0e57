/**
 * How far above the window's bottom the page's own box ends, for a sheet to stop there. WeChat: nothing
 * (its tab bar lies outside the page); the browser: ./belowPage.h5.ts.
 */
export function spaceBelowPage(_sheet: unknown): number {
  return 0;
}
