/**
 * The unit against the middle of its division: its five comparisons of 比 and the division's median of
 * each (core/domain/median.ts, the one rule for it) on a radar — the unit solid, the median dashed — and
 * the same figures written out beneath it for those who do not read charts.
 */
import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { dimensions, type Dims, type StandingRow } from '../../../../core/contract';
import { medianDims } from '../../../../core/domain/median';
import { ErrorState, Loading } from '../../../components/StateView';
import type { AsyncState } from '../../../hooks/useAsync';
import { fmtScore } from '../../../lib/format';
import Radar from './Radar/Radar';
import type { RadarUnit } from './Radar/radarOption';
import { dimensionNames } from './Radar/radarOption';

export const OWN_LABEL = '本单位';
export const MEDIAN_LABEL = '组内中位数';

/** The radar's two sets: the unit first (solid), its division's median second (dashed). */
export function medianRadarUnits(dims: Dims, median: Dims): readonly [RadarUnit, RadarUnit] {
  return [
    { name: OWN_LABEL, dims },
    { name: MEDIAN_LABEL, dims: median },
  ];
}

interface Props {
  /** The unit's own row (unit.detail's standing). */
  standing: Pick<StandingRow, 'dims' | 'division'>;
  rows: AsyncState<StandingRow[]>;
}

export default function MedianRadar({ standing, rows }: Props) {
  const list = rows.data;
  const median = useMemo(() => (list ? medianDims(list) : null), [list]);
  const units = useMemo(
    () => (median ? medianRadarUnits(standing.dims, median) : null),
    [standing.dims, median],
  );
  return (
    <View className="ucard" data-testid="median-radar-card">
      <Text className="ucard__title">五比得分与组内中位数（每项 0–150 分；实线本单位，虚线中位数）</Text>
      {rows.error !== null && <ErrorState error={rows.error} onRetry={() => void rows.reload()} />}
      {!list && rows.loading && <Loading rows={4} />}
      {units && median && list && (
        <>
          <Radar units={units} name="median-radar" />
          <View className="mrad__row mrad__row--head">
            <Text className="mrad__k">得分</Text>
            <Text className="mrad__v">{OWN_LABEL}</Text>
            <Text className="mrad__v">{MEDIAN_LABEL}</Text>
          </View>
          {dimensions.map((d) => (
            <View key={d} className="mrad__row" data-testid={`median-dim-${d}`}>
              <Text className="mrad__k">{dimensionNames[d]}</Text>
              <Text className="mrad__v">{fmtScore(standing.dims[d])}</Text>
              <Text className="mrad__v">{fmtScore(median[d])}</Text>
            </View>
          ))}
          <Text className="ucard__note">
            {list.length > 1
              ? `组内中位数：${standing.division} ${list.length} 个单位每项得分分别排序后居中的数（个数为偶数时取中间两个的平均）。`
              : `${standing.division}只有本单位参与排名，中位数即本单位得分。`}
          </Text>
        </>
      )}
      {list && list.length === 0 && <Text className="ucard__note">本组还没有参与排名的单位</Text>}
    </View>
  );
}
