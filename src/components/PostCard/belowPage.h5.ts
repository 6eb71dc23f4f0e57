/**
 * Browser: on a tab page, Taro's tab bar lies over the bottom of the window and above the page's own layer,
 * so a sheet inside the page must stop where the page's box does. (Its height cannot be named in a
 * stylesheet: the build replaces `taro-tabbar-height` there with a constant.)
 */
export function spaceBelowPage(sheet: unknown): number {
  const page = sheet instanceof Element ? sheet.closest('.taro_page') : null;
  if (!page) return 0;
  return Math.max(0, Math.round(window.innerHeight - page.getBoundingClientRect().bottom));
}
