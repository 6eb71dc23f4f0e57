/**
 * 书面说明: when the campaign is over, each missed target owes one (DOMAIN.md "The monthly review and its
 * sanctions"). The list by due date (a unit's staff see their own unit's); the unit's leader writes and
 * submits it, again after a return; a supervisor accepts it or returns it with the reason.
 */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Explanation, User } from '../../../../../core/contract';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import TextSheet from '../../components/TextSheet';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { toastError, toastSuccess } from '../../../../api/toast';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import { campaignToday } from '../../../../lib/progress';
import { newRequestId } from '../../../../pages/post/draft';
import { isUnitStaff } from '../../../../lib/review-entries';
import { confirmStep } from '../../lib/confirm';
import { paramOf } from '../../lib/params';
import Item from './Item';
import { stepOf } from './steps';
import './index.scss';

type Open = { kind: 'submit' | 'return'; e: Explanation } | null;

export function Explanations({ user, focus }: { user: User; focus: string }) {
  const arena = useArena(user.id);
  const list = useAsync(user.id, () => call('explanation.list', {}));
  const [open, setOpen] = useState<Open>(null);
  // One requestId per explanation while the page is open: a retried 通过 is answered as the first one.
  const acceptIds = useRef(new Map<string, string>());
  const [accepting, setAccepting] = useState(false);
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const err = arena.error ?? list.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), list.reload()])} />;
  if (!arena.data || !list.data) return <Loading rows={4} />;
  const a = arena.data;
  const today = campaignToday(a.campaign);
  const items = list.data.items;
  const staff = isUnitStaff(user);
  const waiting = items.filter((e) =>
    user.role === 'supervisor'
      ? e.status === 'submitted'
      : e.status === 'requested' || e.status === 'returned',
  ).length;

  const accept = async (e: Explanation) => {
    const ok = await confirmStep({
      title: '通过书面说明',
      content: `「${e.unitName}」关于「${e.metricName}」的书面说明审核通过？通过后不能撤回。`,
      confirmText: '通过',
    });
    if (!ok) return;
    if (accepting) return;
    const requestId = acceptIds.current.get(e.id) ?? newRequestId();
    acceptIds.current.set(e.id, requestId);
    setAccepting(true);
    try {
      await call('explanation.decide', { explanationId: e.id, decision: 'accept', requestId });
      toastSuccess('已通过');
    } catch (err) {
      toastError(err);
    } finally {
      setAccepting(false);
      void list.reload();
    }
  };

  const done = () => {
    setOpen(null);
    void list.reload();
  };

  return (
    <View>
      <View className="rlist-head">
        <Text className="rlist-head__title">{staff ? '本单位书面说明' : '书面说明'}</Text>
        {items.length > 0 && (
          <Text className="rlist-head__count">
            {user.role === 'supervisor' ? `待审核 ${waiting} 份` : `待提交 ${waiting} 份`}
          </Text>
        )}
      </View>
      {items.length === 0 && (
        <Empty
          text={
            today <= a.campaign.endDate
              ? '竞赛结束后，未完成目标的单位需在此提交书面说明'
              : staff
                ? '本单位没有需要提交的书面说明。'
                : '没有需要提交的书面说明。'
          }
        />
      )}
      {items.map((e) => (
        <Item
          key={e.id}
          e={e}
          measure={a.metric(e.metricId)?.measure ?? ''}
          today={today}
          focus={e.id === focus}
          step={stepOf(user, e)}
          onSubmit={() => setOpen({ kind: 'submit', e })}
          onAccept={() => void accept(e)}
          onReturn={() => setOpen({ kind: 'return', e })}
        />
      ))}
      {open?.kind === 'submit' && (
        <TextSheet
          title={`书面说明：${open.e.metricName}`}
          sub={`${open.e.unitName} · 说明未完成目标的原因和下一步措施`}
          label="书面说明"
          placeholder="未完成的原因、已采取的措施、下一步计划"
          max={5000}
          initial={open.e.text}
          required="请填写书面说明"
          submitText="提交"
          ask={() => ({
            title: '提交书面说明',
            content: '提交后由督办员审核，审核前不能修改。确认提交？',
            confirmText: '提交',
          })}
          send={(text, requestId) =>
            call('explanation.submit', { explanationId: open.e.id, text, requestId }).then(
              (o) => o.explanation,
            )
          }
          done="已提交"
          onDone={done}
          onCancel={() => setOpen(null)}
        />
      )}
      {open?.kind === 'return' && (
        <TextSheet
          title={`退回：${open.e.unitName}`}
          sub={`「${open.e.metricName}」的书面说明，写明需要补充什么`}
          label="退回原因"
          placeholder="如：请补充未完成的具体原因和整改时间表"
          max={500}
          required="请填写退回原因"
          submitText="退回"
          ask={() => ({
            title: '退回书面说明',
            content: `退回后「${open.e.unitName}」负责人会收到通知并重新提交。确认退回？`,
            confirmText: '退回',
            destructive: true,
          })}
          send={(reason, requestId) =>
            call('explanation.decide', {
              explanationId: open.e.id,
              decision: 'return',
              reason,
              requestId,
            }).then((o) => o.explanation)
          }
          done="已退回"
          onDone={done}
          onCancel={() => setOpen(null)}
        />
      )}
    </View>
  );
}

export default function ExplanationsPage() {
  const focus = paramOf(useRouter().params.focus);
  return (
    <SignedInPage title="书面说明" className="explanations">
      {(user) => <Explanations key={user.id} user={user} focus={focus} />}
    </SignedInPage>
  );
}
