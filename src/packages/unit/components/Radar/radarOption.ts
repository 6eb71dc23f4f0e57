/**
 * Two units' five comparisons of 比 on one radar (0–150 each, DOMAIN.md): the first solid with dots, the
 * second dashed with squares, so they are told apart without colour.
 */
import { dimensions, type Dimension, type Dims } from '../../../../../core/contract';
import { chartFontSize } from '../Chart/chartFont';
import { fontScale } from '../Chart/fontScale';
import type { RadarOption } from './echarts';

export const dimensionNames: Record<Dimension, string> = {
  performance: '比绩效',
  speed: '比速度',
  quality: '比质量',
  effort: '比干劲',
  contribution: '比贡献',
};

export interface RadarUnit {
  name: string;
  dims: Dims;
}

const looks = [
  { color: '#1f56c8', line: 'solid', symbol: 'circle' },
  { color: '#b4530b', line: 'dashed', symbol: 'rect' },
] as const;

/** `scale`: the user's text size over 16 px (chart text does not follow CSS). */
export function radarOption(
  units: readonly [RadarUnit, RadarUnit],
  scale: number = fontScale(),
): RadarOption {
  const size = (base: number) => chartFontSize(scale, base);
  // Same-named units (two offices called 经信局 in different cities do not meet here, but be safe): keep legend keys apart.
  const names =
    units[0].name === units[1].name
      ? [`${units[0].name}（甲）`, `${units[1].name}（乙）`]
      : units.map((u) => u.name);
  return {
    animation: false,
    legend: {
      top: 0,
      itemWidth: size(28),
      itemHeight: size(14),
      textStyle: { fontSize: size(12) },
      data: names,
    },
    radar: {
      center: ['50%', '56%'],
      radius: '62%',
      indicator: dimensions.map((d) => ({ name: dimensionNames[d], max: 150, min: 0 })),
      axisName: { fontSize: size(12), color: '#333333' },
      splitNumber: 3,
    },
    series: [
      {
        type: 'radar',
        data: units.map((u, i) => ({
          name: names[i],
          value: dimensions.map((d) => Math.round(u.dims[d] * 10) / 10),
          symbol: looks[i]!.symbol,
          symbolSize: size(6),
          lineStyle: { width: 3, type: looks[i]!.line, color: looks[i]!.color },
          itemStyle: { color: looks[i]!.color },
          areaStyle: { opacity: 0.08, color: looks[i]!.color },
        })),
      },
    ],
  };
}
