/** 写进展: a responsible unit's progress note on a task (figures go through 发布进展, where they are checked). */
import { useState } from 'react';
import type { TaskNote } from '../../../../core/contract';
import { call } from '../../../api/call';
import { toastSuccess } from '../../../api/toast';
import { AreaField } from '../../../components/Fields';
import Sheet from '../../../components/Sheet';
import { CHECK_ONLY_ID, contractErrors } from '../lib/forms';
import { useRequestIds } from '../lib/requestId';
import { useSend } from '../lib/useSend';

interface Props {
  task: { id: string; title: string };
  onDone: (note: TaskNote) => void;
  onCancel: () => void;
}

export default function NoteForm({ task, onDone, onCancel }: Props) {
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const ids = useRequestIds();
  const { sending, failed, clearFailed, send } = useSend(['text'] as const);
  const checked = contractErrors('task.note', { taskId: task.id, text, requestId: CHECK_ONLY_ID }, [
    'text',
  ] as const);
  const shown = failed?.errors.text ?? (attempted ? checked.errors.text : undefined);

  const submit = async () => {
    setAttempted(true);
    if (checked.errors.text || checked.other) return;
    const payload = { taskId: task.id, text: text.trim() };
    const out = await send(() => call('task.note', { ...payload, requestId: ids.stamp(payload) }));
    if (!out) return;
    toastSuccess('已写进展');
    onDone(out.note);
  };

  return (
    <Sheet
      title="写进展"
      sub={`任务：${task.title}`}
      error={failed?.other ?? (shown ? '还有 1 处需要填写或修改' : null)}
      submitText="提交进展"
      sending={sending}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <AreaField
        name="text"
        label="进展"
        value={text}
        max={2000}
        placeholder="推进到哪一步、下一步做什么；指标数据请在「发布进展」里填报"
        error={shown}
        onInput={(v) => {
          setText(v);
          clearFailed();
        }}
      />
    </Sheet>
  );
}
