/**
 * The ranked list of the board with a 只看 filter on the light (滞后 / 预警), so a leader finds who is
 * behind without scrolling the whole city. Filtering hides rows, never re-ranks them: each row keeps
 * the rank the server gave it.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Light, StandingRow } from '../../../core/contract';
import BoardRow from '../../components/BoardRow';
import Chips from '../../components/Chips';
import { Empty } from '../../components/StateView';

export type LightFilter = 'all' | Extract<Light, 'red' | 'yellow'>;

const filterNames: Record<Exclude<LightFilter, 'all'>, string> = { red: '滞后', yellow: '预警' };

/** The rows at the chosen light, in the server's order. */
export function filterRows<R extends Pick<StandingRow, 'light'>>(
  rows: readonly R[],
  filter: LightFilter,
): R[] {
  return filter === 'all' ? [...rows] : rows.filter((r) => r.light === filter);
}

interface Props {
  rows: StandingRow[];
  /** The view's name: a division, or 全市. */
  scope: string;
  userUnitId: string | null;
  /** In a view that mixes divisions (全市), each row shows its division. */
  showDivision: boolean;
  onOpen: (unitId: string) => void;
  metricName: (metricId: string) => string | undefined;
}

export default function BoardList({ rows, scope, userUnitId, showDivision, onOpen, metricName }: Props) {
  const [filter, setFilter] = useState<LightFilter>('all');
  const shown = filterRows(rows, filter);
  const count = (f: Exclude<LightFilter, 'all'>) => filterRows(rows, f).length;
  return (
    <View className="board__list">
      <Chips
        label="只看"
        value={filter}
        onChange={(v) => setFilter(v as LightFilter)}
        choices={[
          { value: 'all', label: '全部' },
          { value: 'red', label: `滞后 ${count('red')}` },
          { value: 'yellow', label: `预警 ${count('yellow')}` },
        ]}
      />
      <Text className="section-title">
        {filter === 'all'
          ? `${scope} · 共 ${rows.length} 个单位`
          : `${scope} · ${filterNames[filter]} ${shown.length} 个 / 共 ${rows.length} 个单位`}
      </Text>
      {shown.map((r) => (
        <BoardRow
          key={r.unitId}
          row={r}
          own={r.unitId === userUnitId}
          onOpen={onOpen}
          metricName={metricName}
          showDivision={showDivision}
        />
      ))}
      {rows.length === 0 && <Empty text="暂无数据" />}
      {rows.length > 0 && shown.length === 0 && filter !== 'all' && (
        <Empty text={`${scope}没有${filterNames[filter]}的单位，点“全部”查看所有单位`} />
      )}
    </View>
  );
}
