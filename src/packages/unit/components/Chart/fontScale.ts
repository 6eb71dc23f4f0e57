/**
 * Browser: how large the user has set text, as a factor of 16 px — the page's base size, which app.scss
 * sets to the browser's own `medium`. WeChat: fontScale.weapp.ts.
 */
import { clampScale } from './chartFont';

export function fontScale(): number {
  if (typeof document === 'undefined' || !document.body) return 1;
  return clampScale(parseFloat(getComputedStyle(document.body).fontSize) / 16);
}
