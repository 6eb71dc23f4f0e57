/**
 * The trend chart: the target line (completion 100 %) beside 序时, and text that follows the user's text
 * size (canvas text does not follow CSS by itself).
 */
import { chartFontSize, clampScale } from './chartFont';
import { fontScale } from './fontScale';
import { trendOption } from './trendOption';

const points = [
  { day: '2026-03-01', completion: 0.1, timeProgress: 0.05 },
  { day: '2026-03-02', completion: 0.2, timeProgress: 0.1 },
];

type Sized = { fontSize?: number };
const sizes = (o: ReturnType<typeof trendOption>) => {
  const one = <T>(v: T | T[] | undefined): T => (Array.isArray(v) ? (v[0] as T) : (v as T));
  return {
    x: (one(o.xAxis) as { axisLabel?: Sized }).axisLabel?.fontSize,
    y: (one(o.yAxis) as { axisLabel?: Sized }).axisLabel?.fontSize,
    legend: (one(o.legend) as { textStyle?: Sized }).textStyle?.fontSize,
    tooltip: (one(o.tooltip) as { textStyle?: Sized }).textStyle?.fontSize,
  };
};

afterEach(() => {
  document.body.style.fontSize = '';
});

it('draws 12 px chart text at normal size and 24 px at twice the size', () => {
  expect(sizes(trendOption(points, 1))).toEqual({ x: 12, y: 12, legend: 12, tooltip: 12 });
  expect(sizes(trendOption(points, 2))).toEqual({ x: 24, y: 24, legend: 24, tooltip: 24 });
});

it('keeps room for the larger axis labels', () => {
  const grid = (s: number) => trendOption(points, s).grid as { left: number; bottom: number };
  expect(grid(2).left).toBe(2 * grid(1).left);
  expect(grid(2).bottom).toBe(2 * grid(1).bottom);
});

it('reads the scale from the page text size when none is given (the browser’s setting)', () => {
  document.body.style.fontSize = '32px';
  expect(fontScale()).toBe(2);
  expect(sizes(trendOption(points)).x).toBe(24);
  document.body.style.fontSize = '16px';
  expect(sizes(trendOption(points)).x).toBe(12);
});

it('falls back to normal size on an unreadable size and keeps extremes drawable', () => {
  document.body.style.fontSize = 'medium-ish';
  expect(fontScale()).toBe(1);
  expect(clampScale(Number.NaN)).toBe(1);
  expect(clampScale(-2)).toBe(1);
  expect(clampScale(10)).toBe(3);
  expect(clampScale(0.2)).toBe(0.75);
  expect(chartFontSize(10)).toBe(36);
  expect(chartFontSize(1.5, 14)).toBe(21);
});

describe('the target line', () => {
  type Mark = { data: { yAxis: number }[]; label: { formatter: string }; lineStyle: { type: string } };
  const series = (o: ReturnType<typeof trendOption>) =>
    o.series as { name: string; markLine?: Mark; lineStyle: { type?: string } }[];
  const axisTop = (o: ReturnType<typeof trendOption>, max: number) =>
    (o.yAxis as { max: (e: { min: number; max: number }) => number }).max({ min: 0, max });

  it('marks completion 100 % as 目标, dotted — apart from 序时, which stays dashed', () => {
    const [completion, pace] = series(trendOption(points, 1));
    expect(completion!.markLine!.data).toEqual([{ yAxis: 1, name: '目标' }]);
    expect(completion!.markLine!.label.formatter).toBe('目标 100%');
    expect(completion!.markLine!.lineStyle.type).toBe('dotted');
    expect(pace!.name).toBe('序时进度');
    expect(pace!.lineStyle.type).toBe('dashed');
    expect(pace!.markLine).toBeUndefined();
  });

  it('keeps the target in sight early on, and room above a unit already past it', () => {
    const o = trendOption(points, 1);
    expect(axisTop(o, 0.2)).toBe(1);
    expect(axisTop(o, 1)).toBe(1);
    // 107 % rounds up to the next 20 % step.
    expect(axisTop(o, 1.07)).toBeCloseTo(1.2, 10);
  });
});
