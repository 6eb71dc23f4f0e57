/**
 * The 发布 form: the unit's metrics with a numeric field each, a note, photos, and one send button.
 * It only draws and checks; the page keeps the draft and does the sending.
 */
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { Draft } from './draft';
import MetricField from './MetricField';
import { checkDraft, MAX_TEXT, type Checked, type EditorMetric } from './validate';

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
}

/** Only a disabled button gets the attribute: Taro's H5 button dims on `disabled="false"` too. */
const disabledIf = (off: boolean): { disabled?: true } => (off ? { disabled: true } : {});

export default function PostEditor(p: EditorProps) {
  const { draft, rows } = p;
  const [attempted, setAttempted] = useState(false);
  const checked = checkDraft(draft, rows);
  const set = (patch: Partial<Draft>) => p.onChange({ ...draft, ...patch });
  const problems =
    Object.keys(checked.fieldErrors).length + (checked.reasonError ? 1 : 0) + (checked.formError ? 1 : 0);

  const submit = () => {
    setAttempted(true);
    if (checked.ok && !p.sending) p.onSubmit(checked);
  };

  return (
    <View className="editor">
      {attempted && problems > 0 && (
        <View className="editor__summary" role="alert">
          <Text>
            ⚠ 还有 {problems} 处需要修改：{checked.formError ?? checked.reasonError ?? '请查看标出的指标'}
          </Text>
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
            error={checked.fieldErrors[row.metric.id]}
            onInput={(v) => set({ values: { ...draft.values, [row.metric.id]: v } })}
          />
        ))}
      </View>
      {checked.decreased.length > 0 && (
        <View
          className={`editor__card editor__reason${attempted && checked.reasonError ? ' editor__reason--bad' : ''}`}
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
      )}
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
          onClick={submit}
        >
          {p.sending ? '发送中…' : p.sendFailed ? '重试发送' : '发布'}
        </Button>
      </View>
    </View>
  );
}
