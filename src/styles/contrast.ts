/** WCAG 2 contrast from hex colours, and the palettes as written in _tokens.scss. */

/** `#rgb` or `#rrggbb` to 0–255 channels; anything else is an error naming the value. */
export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const digits = m[1] ?? '';
  const h = digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `$palette-<name>: ( key: value, … );` from the SCSS source, as a name → value record. */
export function readPalette(scss: string, name: string): Record<string, string> {
  const block = new RegExp(`\\$palette-${name}:\\s*\\(([\\s\\S]*?)\\n\\);`).exec(scss);
  if (!block) throw new Error(`no $palette-${name} map in the tokens`);
  const out: Record<string, string> = {};
  for (const line of (block[1] ?? '').split('\n')) {
    const m = /^\s*([a-z0-9-]+):\s*(.+?),?\s*$/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = m[2];
  }
  return out;
}
