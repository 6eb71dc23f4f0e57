/**
 * 对比: two units side by side — standing, the five comparisons (radar and figures) and each metric.
 * Opened from a unit's page with that unit and, by default, the user's own unit (or another of its
 * division); either can be changed with a picker.
 */
import { usePullDownRefresh, useRouter } from '@tarojs/taro';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '../../../../../core/contract';
import { call } from '../../../../api/call';
// Before the shared page frame, as on the unit page: the mini-program's CSS chunks keep one order.
import CompareView from '../../components/CompareView';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import type { Arena } from '../../../../lib/arena';
import { defaultPartner, rankedUnits } from '../../compareRoute';
import './index.scss';

function UnitPicker({
  label,
  arena,
  value,
  onChange,
}: {
  label: string;
  arena: Arena;
  value: string | null;
  onChange: (id: string) => void;
}) {
  const units = rankedUnits(arena);
  const at = units.findIndex((u) => u.id === value);
  return (
    <Picker
      mode="selector"
      range={units.map((u) => `${u.name}（${u.division}）`)}
      value={Math.max(at, 0)}
      onChange={(e) => {
        const picked = units[Number(e.detail.value)];
        if (picked) onChange(picked.id);
      }}
    >
      <View className="cmp__pick" ariaRole="button" data-testid="compare-pick">
        <Text className="cmp__pick-k">{label}</Text>
        <Text className="cmp__pick-v">{at >= 0 ? units[at]!.name : '请选择单位'}</Text>
        <Text className="cmp__pick-go">更换 ›</Text>
      </View>
    </Picker>
  );
}

export function Compare({ user, first, second }: { user: User; first: string; second: string | null }) {
  const arena = useArena(user.id);
  const [a, setA] = useState(first);
  const [chosenB, setB] = useState(second);
  const b = chosenB ?? (arena.data ? defaultPartner(arena.data, a, user.unitId) : null);
  const ready = arena.data !== null && b !== null && a !== b;
  const pair = useAsync(ready ? `${a}|${b}` : null, () =>
    Promise.all([call('unit.detail', { unitId: a }), call('unit.detail', { unitId: b ?? '' })]),
  );

  usePullDownRefresh(() => {
    void pair.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const err = arena.error ?? pair.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), pair.reload()])} />;
  const ar = arena.data;
  if (!ar) return <Loading rows={6} />;
  return (
    <View>
      <View className="ucard">
        <UnitPicker label="甲" arena={ar} value={a} onChange={setA} />
        <UnitPicker label="乙" arena={ar} value={b} onChange={setB} />
      </View>
      {b === null && <Empty text="没有可以对比的其他单位" />}
      {b !== null && a === b && <Empty text="两边是同一个单位，请点“更换”选另一个单位" />}
      {ready && !pair.data && <Loading rows={6} />}
      {ready && pair.data && <CompareView a={pair.data[0]} b={pair.data[1]} arena={ar} />}
    </View>
  );
}

export default function ComparePage() {
  const params = useRouter().params;
  const first = params.a ?? '';
  return (
    <SignedInPage title="单位对比" className="cmp">
      {(user) =>
        first ? (
          <Compare key={`${user.id}|${first}`} user={user} first={first} second={params.b || null} />
        ) : (
          <Empty text="没有指定要对比的单位，请从单位详情页点“与其他单位对比”" />
        )
      }
    </SignedInPage>
  );
}
