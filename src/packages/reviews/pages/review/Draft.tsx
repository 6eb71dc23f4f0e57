/**
 * A supervisor's draft of a closed month's 通报, computed from the figures as they are now (nothing saved):
 * the rankings, a 按语, and 发布通报 — asked to confirm, since a published 通报 is final (a correction is a
 * new version) and the flagged units' leaders are told at once.
 */
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Review } from '../../../../../core/contract';
import { call } from '../../../../api/call';
import { toastSuccess } from '../../../../api/toast';
import { AreaField } from '../../../../components/Fields';
import FormError from '../../../../components/FormError';
import PageSkeleton from '../../../../components/Skeleton';
import { ErrorState } from '../../../../components/StateView';
import { useAsync } from '../../../../hooks/useAsync';
import { bumpDataVersion } from '../../../../lib/freshness';
import ReviewBody from '../../components/ReviewBody';
import { confirmStep } from '../../lib/confirm';
import { reviewTitle } from '../../lib/review-view';
import { useSend } from '../../lib/useSend';

const NOTE_MAX = 2000;

export default function Draft({ period, onPublished }: { period: string; onPublished: (r: Review) => void }) {
  const draft = useAsync(period, () => call('review.draft', { period }));
  const [note, setNote] = useState('');
  const { sending, error, setError, send } = useSend();
  usePullDownRefresh(() => {
    void draft.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  if (draft.error) return <ErrorState error={draft.error} onRetry={() => void draft.reload()} />;
  if (!draft.data) return <PageSkeleton cards={3} />;
  const flagged = draft.data.flagged.length;

  const publish = async () => {
    if (sending) return;
    const ok = await confirmStep({
      title: '发布通报',
      content:
        `发布后全市可见${flagged > 0 ? `，列入约谈的 ${flagged} 个单位负责人将收到约谈通知` : ''}。` +
        '发布后不能撤回，数据更正需发布新版本。',
      confirmText: '发布',
    });
    if (!ok) return;
    const payload = { period, note: note.trim() };
    const out = await send(payload, (requestId) => call('review.publish', { ...payload, requestId }));
    if (!out) return;
    bumpDataVersion();
    toastSuccess('已发布');
    onPublished(out.review);
  };

  return (
    <View>
      <View className="rv__head">
        <View className="rv__title-line">
          <Text className="rv__title" data-testid="review-title">
            {reviewTitle(period)}
          </Text>
          <Text className="rv__draft">草稿</Text>
        </View>
        <Text className="rv__meta">
          按当前填报数据生成，发布前不会保存。发布后全市可见，列入约谈的单位负责人会收到约谈通知。
        </Text>
      </View>
      <ReviewBody review={draft.data} />
      <View className="rcard rv__publish no-print" data-testid="publish-card">
        <Text className="rcard__title">发布</Text>
        <FormError text={error} testId="publish-error" />
        <AreaField
          name="note"
          label="按语（可不填）"
          value={note}
          max={NOTE_MAX}
          placeholder="如：本月各单位总体推进有力，请列入约谈的单位对照目标找差距、补短板。"
          onInput={(v) => {
            setNote(v);
            setError(null);
          }}
        />
        <Button
          className="primary-btn"
          {...(sending ? { disabled: true } : {})}
          onClick={() => void publish()}
          data-testid="publish"
        >
          {sending ? '发布中…' : '发布通报'}
        </Button>
      </View>
    </View>
  );
}
