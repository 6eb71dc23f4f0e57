/**
 * 考核扣分台账: when the campaign is over, a missed target costs points (DOMAIN.md "The monthly review and
 * its sanctions"). Each unit's total, then every entry — reason, points, date — with reversals marked; a
 * unit's staff see their own unit's. A supervisor 撤销 a deduction with the reason: a new entry, never an edit.
 */
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { LedgerEntry, User } from '../../../../../core/contract';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import { Chip } from '../../components/Chip';
import TextSheet from '../../components/TextSheet';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import { instantText } from '../../../../lib/dates';
import { campaignToday } from '../../../../lib/progress';
import { isUnitStaff } from '../../../../lib/review-entries';
import { pointsText } from '../../lib/format';
import { ledgerLines, reversible, type LedgerLine } from './entries';
import './index.scss';

function Line({ l, onReverse }: { l: LedgerLine; onReverse?: () => void }) {
  const e = l.entry;
  return (
    <View className="ritem" data-testid="ledger-entry">
      <View className="ritem__head">
        <Text className="ritem__title">{e.unitName}</Text>
        <Text className={`lg__points${e.points < 0 ? ' lg__points--minus' : ''}`}>
          {pointsText(e.points)}
        </Text>
      </View>
      {l.undoes !== null || e.source.kind === 'reversal' ? (
        <View className="ritem__head">
          <Chip tone="blue" mark="↺" text="撤销记录" testId="ledger-reversal" />
          {l.undoes && (
            <Text className="ritem__line">撤销 {instantText(l.undoes.at).slice(0, 10)} 的扣分</Text>
          )}
        </View>
      ) : (
        l.reversedBy && (
          <View className="ritem__head">
            <Chip tone="grey" mark="—" text="已撤销" testId="ledger-reversed" />
          </View>
        )
      )}
      <Text className="ritem__line">
        {e.source.kind === 'reversal' ? '撤销原因' : '扣分原因'}：{e.reason}
      </Text>
      <Text className="ritem__line">{instantText(e.at)}</Text>
      {onReverse && (
        <View className="ritem__steps">
          <Button className="ghost-btn ritem__step" onClick={onReverse} data-testid="reverse">
            撤销
          </Button>
        </View>
      )}
    </View>
  );
}

export function Ledger({ user }: { user: User }) {
  const arena = useArena(user.id);
  const list = useAsync(user.id, () => call('ledger.list', {}));
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const err = arena.error ?? list.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), list.reload()])} />;
  if (!arena.data || !list.data) return <Loading rows={4} />;
  const over = campaignToday(arena.data.campaign) > arena.data.campaign.endDate;
  const { totals } = list.data;
  const lines = ledgerLines(list.data.entries);
  const staff = isUnitStaff(user);

  return (
    <View>
      <View className="rlist-head">
        <Text className="rlist-head__title">{staff ? '本单位考核扣分' : '考核扣分台账'}</Text>
        {lines.length > 0 && <Text className="rlist-head__count">共 {lines.length} 条</Text>}
      </View>
      {lines.length === 0 && (
        <Empty
          text={
            over
              ? `${staff ? '本单位' : ''}没有扣分记录。`
              : '竞赛结束后，未完成的目标按项记入考核扣分台账，扣分原因一并列明。'
          }
        />
      )}
      {totals.length > 0 && (
        <View className="rcard" data-testid="ledger-totals">
          <Text className="rcard__title">各单位合计</Text>
          {totals.map((t) => (
            <View key={t.unitId} className="lg__total">
              <Text className="lg__unit">{t.unitName}</Text>
              <Text className={`lg__points${t.points < 0 ? ' lg__points--minus' : ''}`}>
                {pointsText(t.points)}
              </Text>
            </View>
          ))}
        </View>
      )}
      {lines.length > 0 && <Text className="section-title">扣分记录（新的在前）</Text>}
      {lines.map((l) => (
        <Line
          key={l.entry.id}
          l={l}
          {...(user.role === 'supervisor' && reversible(l) ? { onReverse: () => setReversing(l.entry) } : {})}
        />
      ))}
      {reversing && (
        <TextSheet
          title={`撤销扣分：${reversing.unitName}`}
          sub={`${pointsText(reversing.points)} · ${reversing.reason}`}
          label="撤销原因"
          placeholder="如：经核实数据已补报，目标已完成"
          max={500}
          required="请填写撤销原因"
          submitText="撤销"
          ask={() => ({
            title: '撤销扣分',
            content: `撤销「${reversing.unitName}」的这笔扣分？台账会新增一条撤销记录，撤销后不能再次撤销。`,
            confirmText: '撤销',
            destructive: true,
          })}
          send={(reason, requestId) =>
            call('ledger.reverse', { entryId: reversing.id, reason, requestId }).then((o) => o.entry)
          }
          done="已撤销"
          onDone={() => {
            setReversing(null);
            void list.reload();
          }}
          onCancel={() => setReversing(null)}
        />
      )}
    </View>
  );
}

export default function LedgerPage() {
  return (
    <SignedInPage title="考核扣分台账" className="ledger">
      {(user) => <Ledger key={user.id} user={user} />}
    </SignedInPage>
  );
}
