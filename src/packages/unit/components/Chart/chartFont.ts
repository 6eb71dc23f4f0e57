/**
 * Chart text at the user's text size, for every chart option builder: canvas text does not follow CSS,
 * so builders multiply their sizes by the scale fontScale() reads (fontScale.ts, fontScale.weapp.ts).
 */

/** A factor kept to what a chart can lay out: 0.75–3, and 1 for anything unreadable. */
export function clampScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return 1;
  return Math.min(3, Math.max(0.75, scale));
}

/** A chart size (text: ECharts draws 12 px by default) at the user's scale, in whole pixels. */
export function chartFontSize(scale: number, base = 12): number {
  return Math.round(base * clampScale(scale));
}
