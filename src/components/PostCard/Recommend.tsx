/**
 * 推荐为经验做法 (supervisors and city leaders): asks for the one-line reason in a half-screen sheet, then
 * marks the post; 取消推荐 asks first in WeChat's modal. A refusal stays on the sheet in the server's words;
 * a failed 取消推荐 is a text toast.
 */
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Exemplar } from '../../../core/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/errors';
import { toastError, toastSuccess } from '../../api/toast';
import { plainMessage, REASON_MAX } from '../../lib/social';
import BottomSheet from './BottomSheet';

interface Props {
  postId: string;
  unitName: string;
  exemplar: Exemplar | null;
  onChange: (exemplar: Exemplar | null) => void;
}

const disabledWhile = (sending: boolean) => (sending ? { disabled: true } : {});

function ReasonSheet({
  postId,
  unitName,
  onDone,
  onClose,
}: {
  postId: string;
  unitName: string;
  onDone: (exemplar: Exemplar) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const trimmed = reason.trim();
    if (trimmed === '') {
      setError('请用一句话写明推荐理由');
      return;
    }
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      const { exemplar } = await call('post.exemplar', { postId, on: true, reason: trimmed });
      if (exemplar) onDone(exemplar);
      toastSuccess('已推荐');
    } catch (e) {
      setError(plainMessage(messageOf(e)));
    } finally {
      setSending(false);
    }
  };

  return (
    <BottomSheet title="推荐为经验做法" busy={sending} onClose={onClose} testId="reason-sheet">
      <Text className="psheet__sub">
        「{unitName}」的这条动态将出现在「学」里，供各单位学习。请用一句话写明值得学的地方。
      </Text>
      {error && (
        <Text className="psheet__error" data-testid="reason-error">
          ⚠ {error}
        </Text>
      )}
      <Input
        className="psheet__input"
        value={reason}
        maxlength={REASON_MAX}
        placeholder="如：用地报批提速的做法值得推广"
        onInput={(e) => {
          setReason(e.detail.value);
          setError(null);
        }}
        ariaLabel="推荐理由"
        name="reason"
      />
      <Text className="psheet__count psheet__count--end">
        {reason.length} / {REASON_MAX}
      </Text>
      <View className="psheet__buttons">
        <Button className="ghost-btn psheet__btn" {...disabledWhile(sending)} onClick={onClose}>
          取消
        </Button>
        <Button
          className="primary-btn psheet__btn"
          {...disabledWhile(sending)}
          onClick={() => void submit()}
          data-testid="reason-submit"
        >
          {sending ? '提交中…' : '推荐'}
        </Button>
      </View>
    </BottomSheet>
  );
}

async function confirmUnmark(unitName: string): Promise<boolean> {
  try {
    const r = await Taro.showModal({
      title: '取消推荐？',
      content: `「${unitName}」的这条动态将不再作为经验做法出现在「学」里。`,
      confirmText: '取消推荐',
      cancelText: '保留',
      confirmColor: '#c62828',
    });
    return r.confirm;
  } catch {
    return false;
  }
}

export default function Recommend({ postId, unitName, exemplar, onChange }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const unmark = async () => {
    if (busy || !(await confirmUnmark(unitName))) return;
    setBusy(true);
    try {
      await call('post.exemplar', { postId, on: false });
      onChange(null);
      toastSuccess('已取消推荐');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View
        className="react__btn react__btn--rec"
        hoverClass="react__btn--pressed"
        ariaRole="button"
        onClick={() => (exemplar ? void unmark() : setAsking(true))}
        data-testid={exemplar ? 'unrecommend' : 'recommend'}
      >
        <Text>{exemplar ? '取消推荐' : '推荐为经验做法'}</Text>
      </View>
      {asking && (
        <ReasonSheet
          postId={postId}
          unitName={unitName}
          onDone={(ex) => {
            setAsking(false);
            onChange(ex);
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
