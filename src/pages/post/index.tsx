/**
 * 发布: the page around the editor. It loads the unit's metrics and current values, keeps the draft
 * on the device (and says when it brought one back), sends it (a retry of the same payload keeps its
 * requestId, a changed one takes a new id) and shows the result: what was posted, the rank change and the
 * gap to the unit above, with 返回动态 / 再发一条.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput, User } from '../../../core/contract';
import { daysBetween } from '../../../core/domain/days';
import { call } from '../../api/call';
import { ApiCallError, isNetworkError, messageOf } from '../../api/errors';
import { photos } from '../../api/photos';
import { toastError, toastSuccess } from '../../api/toast';
import SignedInPage from '../../components/SignedInPage';
import SubscribeButton, { subscribeOffered } from '../../components/SubscribeButton';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { useArena } from '../../hooks/useArena';
import { useAsync } from '../../hooks/useAsync';
import { bumpDataVersion } from '../../lib/freshness';
import { campaignToday, tauOn } from '../../lib/progress';
import { canPost } from '../../lib/roles';
import { clearDraft, emptyDraft, restoreDraft, saveDraft, type Draft } from './draft';
import PostEditor from './PostEditor';
import { resultSummary, type ResultSummary } from './result';
import { postInput, stampRequestId } from './send';
import { readableServerMessage, type ReadableError } from './server-message';
import type { Checked, EditorMetric } from './validate';
import './index.scss';

function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/feed/index' });
}

type Detail = ActionOutput<'unit.detail'>;

function Compose({ user, unitId }: { user: User; unitId: string }) {
  const arena = useArena(user.id);
  const detail = useAsync(unitId, () => call('unit.detail', { unitId }));
  const [initial] = useState(() => restoreDraft(user.id));
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [restored, setRestored] = useState(initial.restored);
  const [sending, setSending] = useState(false);
  const [sendFailed, setSendFailed] = useState(false);
  const [serverError, setServerError] = useState<ReadableError | null>(null);
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<ResultSummary | null>(null);

  const change = (d: Draft) => {
    setDraft(d);
    saveDraft(user.id, d);
    setServerError(null);
  };

  const discard = () => {
    clearDraft(user.id);
    setDraft(emptyDraft());
    setRestored(false);
    setServerError(null);
    setSendFailed(false);
  };

  const send = async (checked: Checked, rows: EditorMetric[], before: Detail | null) => {
    setSending(true);
    const stamped = stampRequestId(draft, postInput(unitId, draft, checked));
    const input = postInput(unitId, stamped, checked);
    change(stamped);
    try {
      await call('post.create', input);
      clearDraft(user.id);
      setDraft(emptyDraft());
      setRestored(false);
      setSendFailed(false);
      bumpDataVersion();
      toastSuccess('已发布');
      // The standing after the post, for the result; the post stands even if this read fails.
      const after = await call('unit.detail', { unitId }).catch(() => null);
      setResult(resultSummary(rows, input.figures ?? [], before, after));
    } catch (e) {
      // No answer: the post may or may not have landed; the same requestId makes a retry of it safe.
      const lost = isNetworkError(e);
      setSendFailed(lost);
      if (lost) {
        toastError(e);
      } else {
        // Refused: nothing was written under this id, so the next send takes a new one; say why at the
        // form, in words without field codes, and reload the unit's figures (someone may have posted).
        change({ ...stamped, requestId: emptyDraft().requestId, sentKey: undefined });
        const message = e instanceof ApiCallError ? e.message : messageOf(e);
        setServerError(readableServerMessage(message, input.figures ?? [], rows));
        if (e instanceof ApiCallError && e.code === 'CONFLICT') void detail.reload();
      }
    } finally {
      setSending(false);
    }
  };

  const again = () => {
    setResult(null);
    void Promise.all([arena.reload(), detail.reload()]);
  };

  const addPhotos = async () => {
    setUploading(true);
    try {
      const urls = await photos.pickAndUpload(9 - draft.photos.length);
      if (urls.length) change({ ...draft, photos: [...draft.photos, ...urls] });
    } catch (e) {
      // Closing the picker is not an error.
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) toastError(e);
    } finally {
      setUploading(false);
    }
  };

  if (result)
    return (
      <View className="result" data-testid="post-result">
        <View className="result__icon">✓</View>
        <Text className="result__title">发布成功</Text>
        {result.rank && <Text className="result__rank">{result.rank}</Text>}
        {result.gap && <Text className="result__gap">{result.gap}</Text>}
        {result.figures.length > 0 && (
          <View className="result__figures">
            {result.figures.map((line) => (
              <Text key={line} className="result__figure">
                {line}
              </Text>
            ))}
          </View>
        )}
        {subscribeOffered && <SubscribeButton compact />}
        <View className="result__actions">
          <Button className="primary-btn" onClick={leave}>
            返回动态
          </Button>
          <Button className="ghost-btn" onClick={again}>
            再发一条
          </Button>
        </View>
      </View>
    );

  const err = arena.error ?? detail.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), detail.reload()])} />;
  const a = arena.data;
  const d = detail.data;
  if (!a || !d) return <Loading rows={6} />;

  const campaign = a.campaign;
  const current = new Map(d.metrics.map((m) => [m.metricId, m.value]));
  const rows: EditorMetric[] = a.metricsOf(unitId).map((metric) => ({
    metric,
    current: current.get(metric.id) ?? null,
    target: a.target(unitId, metric.id) ?? 0,
  }));

  return (
    <View>
      <View className="compose__head">
        <Text className="compose__unit">{d.unit.name}</Text>
        <Text className="compose__who">{user.name} 填报 · 发布后全市可见</Text>
      </View>
      <PostEditor
        rows={rows}
        tau={d.timeProgress ?? tauOn(a.campaign, campaignToday(a.campaign))}
        draft={draft}
        onChange={change}
        onSubmit={(c) => void send(c, rows, d)}
        sending={sending}
        sendFailed={sendFailed}
        photosSupported={photos.supported}
        uploading={uploading}
        onAddPhotos={() => void addPhotos()}
        scale={{
          campaignDays: daysBetween(campaign.startDate, campaign.endDate) + 1,
          ...(campaign.jumpMultiple === undefined ? {} : { multiple: campaign.jumpMultiple }),
        }}
        restored={restored}
        onDiscardDraft={discard}
        serverError={serverError}
      />
    </View>
  );
}

export default function PostPage() {
  return (
    <SignedInPage title="发布进展" className="compose">
      {(user) =>
        canPost(user) && user.unitId ? (
          <Compose key={user.id} user={user} unitId={user.unitId} />
        ) : (
          <Empty text="只有参赛单位的填报员和单位负责人可以发布进展" />
        )
      }
    </SignedInPage>
  );
}
