/**
 * A page's query value: WeChat hands it over still percent-encoded, the browser's router decoded; a value
 * that is not valid encoding is taken as it is.
 */
export function paramOf(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
