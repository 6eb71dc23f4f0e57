/**
 * The one form of the review pages: a text (约谈情况, 书面说明, 退回原因, 撤销原因) checked as the contract
 * checks it, then WeChat's confirm modal (each of these steps is final), then the send; a refusal stays on
 * the form, at its top, in the server's words.
 */
import { useState, type ReactNode } from 'react';
import { toastSuccess } from '../../../api/toast';
import { AreaField } from '../../../components/Fields';
import Sheet from '../../../components/Sheet';
import { confirmStep, type Ask } from '../lib/confirm';
import { useSend } from '../lib/useSend';

interface Props<T> {
  title: string;
  sub?: string;
  label: string;
  placeholder: string;
  max: number;
  initial?: string;
  /** Said beside the field when it is empty. */
  required: string;
  submitText: string;
  /** Fields above the text (the 约谈 date). */
  extra?: ReactNode;
  /** What else the request carries, for its requestId: a change makes it a new request. */
  extraKey?: unknown;
  /** The confirm modal for this text. */
  ask: (text: string) => Ask;
  send: (text: string, requestId: string) => Promise<T>;
  /** The success toast, ≤ 7 characters. */
  done: string;
  onDone: (out: T) => void;
  onCancel: () => void;
}

export default function TextSheet<T>(p: Props<T>) {
  const [text, setText] = useState(p.initial ?? '');
  const [attempted, setAttempted] = useState(false);
  const { sending, error, setError, send } = useSend();
  const trimmed = text.trim();
  const fieldError =
    trimmed === '' ? p.required : trimmed.length > p.max ? `不能超过 ${p.max} 字` : undefined;
  const shown = attempted ? fieldError : undefined;

  const submit = async () => {
    setAttempted(true);
    if (fieldError || sending) return;
    if (!(await confirmStep(p.ask(trimmed)))) return;
    const out = await send({ text: trimmed, extra: p.extraKey }, (requestId) => p.send(trimmed, requestId));
    if (out === null) return;
    toastSuccess(p.done);
    p.onDone(out);
  };

  return (
    <Sheet
      title={p.title}
      sub={p.sub}
      error={error ?? (shown ? '还有 1 处需要填写或修改' : null)}
      submitText={p.submitText}
      sending={sending}
      onSubmit={() => void submit()}
      onCancel={p.onCancel}
    >
      {p.extra}
      <AreaField
        name="text"
        label={p.label}
        value={text}
        max={p.max}
        placeholder={p.placeholder}
        error={shown}
        onInput={(v) => {
          setText(v);
          setError(null);
        }}
      />
    </Sheet>
  );
}
