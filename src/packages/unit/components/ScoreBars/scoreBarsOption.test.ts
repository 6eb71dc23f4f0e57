/** The division chart's bars: sorted highest first, 序时参考 at τ × 100, the viewer's unit named and set apart. */
import {
  byScore,
  BAR_COLOR,
  OWN_COLOR,
  scoreBarsHeight,
  scoreBarsOption,
  SCORE_MAX,
} from './scoreBarsOption';

const rows = [
  { unitId: 'u1', unitName: '东城街道', score: 86.54 },
  { unitId: 'u3', unitName: '南湖街道', score: 98.26 },
  { unitId: 'u2', unitName: '西城街道', score: 61.2 },
  { unitId: 'u4', unitName: '北山镇', score: 86.54 },
];

type Bar = { value: number; itemStyle: { color: string } };
type Mark = {
  data: { xAxis: number; name: string }[];
  label: { formatter: string };
  lineStyle: { type: string };
};
const parts = (o: ReturnType<typeof scoreBarsOption>) => {
  const series = (o.series as { data: Bar[]; markLine: Mark }[])[0]!;
  return {
    names: (o.yAxis as { data: string[]; inverse: boolean }).data,
    inverse: (o.yAxis as { inverse: boolean }).inverse,
    values: series.data.map((b) => b.value),
    colors: series.data.map((b) => b.itemStyle.color),
    mark: series.markLine,
    xMax: (o.xAxis as { max: number }).max,
  };
};

describe('the division’s score bars', () => {
  it('sorts highest first, top to bottom; equal scores keep the server’s order', () => {
    const p = parts(scoreBarsOption(rows, 0.4, null, 1));
    expect(p.names).toEqual(['南湖街道', '东城街道', '北山镇', '西城街道']);
    expect(p.values).toEqual([98.3, 86.5, 86.5, 61.2]);
    // A category axis runs bottom-up unless inverted: the first bar must be at the top.
    expect(p.inverse).toBe(true);
    expect(byScore(rows).map((r) => r.unitId)).toEqual(['u3', 'u1', 'u4', 'u2']);
    expect(rows.map((r) => r.unitId)).toEqual(['u1', 'u3', 'u2', 'u4']);
  });

  it('draws 序时参考 as a dashed line at τ × 100: day 40 of 100 → 40', () => {
    const { mark } = parts(scoreBarsOption(rows, 0.4, null, 1));
    expect(mark.data).toEqual([{ xAxis: 40, name: '序时参考' }]);
    expect(mark.label.formatter).toBe('序时参考 40');
    expect(mark.lineStyle.type).toBe('dashed');
  });

  it('rounds the reference to one decimal, and holds it within the axis at the end', () => {
    expect(parts(scoreBarsOption(rows, 41 / 122, null, 1)).mark.data[0]!.xAxis).toBe(33.6);
    const end = parts(scoreBarsOption(rows, 1, null, 1));
    expect(end.mark.data[0]!.xAxis).toBe(100);
    expect(end.xMax).toBe(SCORE_MAX);
  });

  it('names the viewer’s unit （本单位） and gives it its own colour; nobody else', () => {
    const p = parts(scoreBarsOption(rows, 0.4, 'u4', 1));
    expect(p.names).toEqual(['南湖街道', '东城街道', '北山镇（本单位）', '西城街道']);
    expect(p.colors).toEqual([BAR_COLOR, BAR_COLOR, OWN_COLOR, BAR_COLOR]);
    expect(parts(scoreBarsOption(rows, 0.4, 'u-elsewhere', 1)).colors.every((c) => c === BAR_COLOR)).toBe(
      true,
    );
  });

  it('grows a row per unit and with the text size, and keeps room for one when empty', () => {
    expect(scoreBarsHeight(10, 1)).toBeGreaterThan(scoreBarsHeight(5, 1));
    expect(scoreBarsHeight(5, 2)).toBe(2 * scoreBarsHeight(5, 1));
    expect(scoreBarsHeight(0, 1)).toBe(scoreBarsHeight(1, 1));
    expect(parts(scoreBarsOption([], 0.4, null, 1)).values).toEqual([]);
  });
});
