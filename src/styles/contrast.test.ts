/** Every text/background pair the app uses reaches WCAG AA (4.5:1) in the light and the dark palette. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrastPairs } from './contrast-pairs';
import { contrastRatio, parseHex, readPalette } from './contrast';

const scss = readFileSync(join(__dirname, '_tokens.scss'), 'utf8');
const palettes = { light: readPalette(scss, 'light'), dark: readPalette(scss, 'dark') };
/** A token's colour; a name missing from the palette fails the test that uses it. */
const colour = (palette: Record<string, string>, name: string): string => {
  const value = palette[name];
  if (value === undefined) throw new Error(`no token ${name}`);
  return value;
};
const theme = JSON.parse(readFileSync(join(__dirname, '..', 'theme.json'), 'utf8')) as Record<
  'light' | 'dark',
  Record<string, string>
>;

describe('contrast ratio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The old 正常 tag: below AA.
    expect(contrastRatio('#17803a', '#e6f4ea')).toBeCloseTo(4.42, 2);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
  });
  it('refuses what is not a hex colour', () => {
    expect(() => parseHex('red')).toThrow('not a hex colour: red');
    expect(() => parseHex('#12345')).toThrow();
  });
});

describe.each(['light', 'dark'] as const)('the %s palette', (name) => {
  const palette = palettes[name];

  it('defines every token of the other palette', () => {
    expect(Object.keys(palette).sort()).toEqual(Object.keys(palettes.light).sort());
    expect(Object.keys(palette).length).toBeGreaterThan(20);
  });

  it('gives every text/background pair at least 4.5:1', () => {
    const failures = contrastPairs
      .map((p) => ({ ...p, ratio: contrastRatio(colour(palette, p.text), colour(palette, p.on)) }))
      .filter((p) => p.ratio < 4.5)
      .map((p) => `${p.text} on ${p.on} (${p.where}): ${p.ratio.toFixed(2)}:1`);
    expect(failures).toEqual([]);
  });

  it('draws the WeChat bars from the same colours (theme.json)', () => {
    const t = theme[name];
    const tab = colour(t, 'tabColor');
    const tabOn = colour(t, 'tabSelectedColor');
    const tabBg = colour(t, 'tabBgColor');
    expect(t.navBgColor).toBe(palette.card);
    expect(t.bgColor).toBe(palette.bg);
    expect(t.tabBgColor).toBe(palette.card);
    expect(t.tabColor).toBe(palette['text-3']);
    expect(t.tabSelectedColor).toBe(palette.primary);
    expect(contrastRatio(tab, tabBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(tabOn, tabBg)).toBeGreaterThanOrEqual(4.5);
    // The title's colour follows the bar: black on light, white on dark.
    expect(t.navTxtStyle).toBe(name === 'light' ? 'black' : 'white');
  });
});

it('names only tokens that exist in the pair list', () => {
  for (const p of contrastPairs) {
    expect(palettes.light).toHaveProperty([p.text]);
    expect(palettes.light).toHaveProperty([p.on]);
  }
});
