/**
 * The 发布 form: the unit's metrics with a numeric field each, a note, photos, and one send button.
 * It only draws and checks; the page keeps the draft and does the sending. A refused 发布 scrolls to the
 * first field to fix; the correction reason sits under the lowered figure it explains; a figure far from
 * the last one or the target is confirmed before sending.
 */
import Taro from '@tarojs/taro';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { Draft } from './draft';
import MetricField, { fieldAnchor } from './MetricField';
import { checkDraft, MAX_TEXT, type Checked, type EditorMetric, type JumpScale } from './validate';

export interface EditorProps {
  rows: EditorMetric[];
  tau: number;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Called only with a draft that passed every check. */
  onSubmit: (checked: Checked) => void;
  sending: boolean;
  /** The last send got no answer: the button offers to send the same post again. */
  sendFailed: boolean;
  photosSupported: boolean;
  uploading: boolean;
  onAddPhotos: () => void;
  /** The campaign's scale for asking about big moves; none: nothing is asked. */
  scale?: JumpScale;
  /** The draft was brought back from the device: say so, with a way to start afresh. */
  restored?: boolean;
  onDiscardDraft?: () => void;
  /** The server refused the last send (in Chinese), and which metric it named, if any. */
  serverError?: { message: string; metricId: string | null } | null;
}

const REASON_ANCHOR = 'editor-reason';

/** Brings a field into view (a failed 发布 far down the page must show what to fix). */
function scrollToAnchor(anchor: string): void {
  try {
    void Promise.resolve(Taro.pageScrollTo({ selector: `#${anchor}`, duration: 200 })).catch(() => undefined);
  } catch {
    // no page to scroll (tests): the banner still says what to fix
  }
}

async function confirmJumps(questions: string[]): Promise<boolean> {
  try {
    const r = await Taro.showModal({
      title: '请确认数值',
      content: questions.join('\n'),
      confirmText: '确认发布',
      cancelText: '再改改',
    });
    return r.confirm;
  } catch {
    return false;
  }
}

/** Only a disabled button gets the attribute: Taro's H5 button dims on `disabled="false"` too. */
const disabledIf = (off: boolean): { disabled?: true } => (off ? { disabled: true } : {});

export default function PostEditor(p: EditorProps) {
  const { draft, rows } = p;
  const [attempted, setAttempted] = useState(false);
  const [asking, setAsking] = useState(false);
  const checked = checkDraft(draft, rows, p.scale);
  const set = (patch: Partial<Draft>) => p.onChange({ ...draft, ...patch });
  const problems =
    Object.keys(checked.fieldErrors).length + (checked.reasonError ? 1 : 0) + (checked.formError ? 1 : 0);
  const serverMetric = p.serverError?.metricId ?? null;
  const errorOf = (metricId: string): string | undefined =>
    checked.fieldErrors[metricId] ?? (serverMetric === metricId ? p.serverError?.message : undefined);
  // The reason box goes under the first lowered figure, the one it explains.
  const reasonUnder = checked.decreased[0] ?? null;

  const submit = async () => {
    setAttempted(true);
    if (p.sending || asking) return;
    if (!checked.ok) {
      const first = rows.find((r) => checked.fieldErrors[r.metric.id]);
      if (first) scrollToAnchor(fieldAnchor(first.metric.id));
      else if (checked.reasonError) scrollToAnchor(REASON_ANCHOR);
      return;
    }
    const questions = rows.flatMap((r) => checked.jumps[r.metric.id] ?? []);
    if (questions.length > 0) {
      setAsking(true);
      const sure = await confirmJumps(questions);
      setAsking(false);
      if (!sure) return;
    }
    p.onSubmit(checked);
  };

  const reasonBox = (
    <View
      id={REASON_ANCHOR}
      className={`editor__reason${attempted && checked.reasonError ? ' editor__reason--bad' : ''}`}
    >
      <Text className="editor__label">更正原因（累计数比上次低时必填）</Text>
      <Textarea
        className="editor__textarea"
        value={draft.correctionReason}
        maxlength={500}
        autoHeight
        placeholder="例如：统计口径调整、上次填报有误"
        onInput={(e) => set({ correctionReason: e.detail.value })}
      />
      {checked.reasonError && <Text className="mfield__error">⚠ {checked.reasonError}</Text>}
    </View>
  );

  return (
    <View className="editor">
      {p.restored && (
        <View className="editor__restored" data-testid="draft-restored">
          <Text className="editor__restored-text">已恢复上次未发送的草稿</Text>
          <Text className="editor__restored-clear" onClick={p.onDiscardDraft}>
            清除
          </Text>
        </View>
      )}
      {attempted && problems > 0 && (
        <View className="editor__summary" role="alert">
          <Text>
            ⚠ 还有 {problems} 处需要修改：{checked.formError ?? checked.reasonError ?? '请查看标出的指标'}
          </Text>
        </View>
      )}
      {p.serverError && !(attempted && problems > 0) && (
        <View className="editor__summary" role="alert">
          <Text>⚠ 未发布：{p.serverError.message}</Text>
        </View>
      )}
      {p.sendFailed && (
        <Text className="editor__retry-note">
          上次发送没有收到回复，内容已存为草稿。点“重试发送”不会重复发布。
        </Text>
      )}
      <Text className="section-title">本单位指标（不填的指标保持不变）</Text>
      <View className="editor__card">
        {rows.map((row) => (
          <MetricField
            key={row.metric.id}
            row={row}
            tau={p.tau}
            value={draft.values[row.metric.id] ?? ''}
            error={errorOf(row.metric.id)}
            onInput={(v) => set({ values: { ...draft.values, [row.metric.id]: v } })}
          >
            {reasonUnder === row.metric.id ? reasonBox : null}
          </MetricField>
        ))}
      </View>
      <Text className="section-title">说明</Text>
      <View className="editor__card">
        <Textarea
          className="editor__textarea"
          value={draft.text}
          maxlength={MAX_TEXT}
          autoHeight
          placeholder="说说进展、亮点或遇到的难题"
          onInput={(e) => set({ text: e.detail.value })}
        />
        <Text className="editor__count">
          {draft.text.length} / {MAX_TEXT}
        </Text>
      </View>
      {p.photosSupported && (
        <View className="editor__card editor__photos">
          {draft.photos.map((url) => (
            <View key={url} className="editor__photo">
              <Image src={url} mode="aspectFill" className="editor__photo-img" />
              <Text
                className="editor__photo-del"
                onClick={() => set({ photos: draft.photos.filter((u) => u !== url) })}
              >
                删除
              </Text>
            </View>
          ))}
          {draft.photos.length < 9 && (
            <Button className="ghost-btn editor__add" {...disabledIf(p.uploading)} onClick={p.onAddPhotos}>
              {p.uploading ? '上传中…' : '＋ 添加照片'}
            </Button>
          )}
        </View>
      )}
      <View className="editor__bar">
        <Button
          className={`primary-btn editor__send${p.sending || p.uploading ? ' is-disabled' : ''}`}
          {...disabledIf(p.sending || p.uploading)}
          onClick={() => void submit()}
        >
          {p.sending ? '发送中…' : asking ? '请确认数值…' : p.sendFailed ? '重试发送' : '发布'}
        </Button>
      </View>
    </View>
  );
}
