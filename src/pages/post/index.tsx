/**
 * 发布: the page around the editor. It loads the unit's metrics and current values, keeps the draft
 * on the device, sends it once (the draft's requestId makes a retry safe) and goes back to the feed.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '../../../core/contract';
import { call } from '../../api/call';
import { isNetworkError } from '../../api/errors';
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
import { clearDraft, emptyDraft, loadDraft, saveDraft, type Draft } from './draft';
import PostEditor from './PostEditor';
import { postInput } from './send';
import type { Checked, EditorMetric } from './validate';
import './index.scss';

function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/feed/index' });
}

function Compose({ user, unitId }: { user: User; unitId: string }) {
  const arena = useArena(user.id);
  const detail = useAsync(unitId, () => call('unit.detail', { unitId }));
  const [draft, setDraft] = useState<Draft>(() => loadDraft(user.id));
  const [sending, setSending] = useState(false);
  const [sendFailed, setSendFailed] = useState(false);
  const [uploading, setUploading] = useState(false);
  // WeChat: stay after posting to offer 订阅提醒 (the prompt needs a tap); elsewhere go back at once.
  const [posted, setPosted] = useState(false);

  const change = (d: Draft) => {
    setDraft(d);
    saveDraft(user.id, d);
  };

  const send = async (checked: Checked) => {
    setSending(true);
    try {
      await call('post.create', postInput(unitId, draft, checked));
      clearDraft(user.id);
      setDraft(emptyDraft());
      setSendFailed(false);
      bumpDataVersion();
      toastSuccess('已发布');
      if (subscribeOffered) setPosted(true);
      else setTimeout(leave, 600);
    } catch (e) {
      // No answer: the post may or may not have landed; the same requestId makes the retry safe.
      setSendFailed(isNetworkError(e));
      toastError(e);
    } finally {
      setSending(false);
    }
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

  if (posted)
    return (
      <View className="compose__head">
        <Text className="compose__unit">已发布</Text>
        <SubscribeButton compact />
        <Button className="primary-btn" onClick={leave}>
          返回动态
        </Button>
      </View>
    );

  const err = arena.error ?? detail.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), detail.reload()])} />;
  const a = arena.data;
  const d = detail.data;
  if (!a || !d) return <Loading rows={6} />;

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
        onSubmit={(c) => void send(c)}
        sending={sending}
        sendFailed={sendFailed}
        photosSupported={photos.supported}
        uploading={uploading}
        onAddPhotos={() => void addPhotos()}
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
