/**
 * One step of a problem (开始处理, 已解决, 销号, 重新打开) as a small form: the note the step needs, named
 * as core/domain names it (解决情况, 销号意见, 重新打开的原因), required when the step requires it.
 */
import { useState } from 'react';
import { problemStatusNames, type Problem } from '../../../../core/contract';
import { call } from '../../../api/call';
import { toastSuccess } from '../../../api/toast';
import { AreaField } from '../../../components/Fields';
import Sheet from '../../../components/Sheet';
import { bumpDataVersion } from '../../../lib/freshness';
import { CHECK_ONLY_ID, contractErrors } from '../lib/forms';
import type { ProblemStep } from '../lib/people';
import { useRequestIds } from '../lib/requestId';
import { useSend } from '../lib/useSend';

const NOTE_MAX = 500;

const hints: Record<string, string> = {
  in_progress: '可写明由谁、怎样推进（可不填）',
  resolved: '写明怎样解决的、结果如何',
  closed: '写明核实情况，同意销号',
  reopened: '写明为什么重新打开、还差什么',
};

/** Success toasts, 7 characters at most. */
const done: Record<string, string> = {
  in_progress: '已开始处理',
  resolved: '已标记解决',
  closed: '已销号',
  reopened: '已重新打开',
};

interface Props {
  problem: Pick<Problem, 'id' | 'title' | 'status'>;
  step: ProblemStep;
  onDone: (problem: Problem) => void;
  onCancel: () => void;
}

export default function StepForm({ problem, step, onDone, onCancel }: Props) {
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const ids = useRequestIds();
  const { sending, failed, clearFailed, send } = useSend(['note'] as const);

  const checked = contractErrors(
    'problem.transition',
    { problemId: problem.id, to: step.to, note, requestId: CHECK_ONLY_ID },
    ['note'] as const,
  );
  // The step's own rule (core/domain): its note is required, said as the server says it.
  if (step.note !== null && note.trim() === '') checked.errors.note ??= `请填写${step.note}`;
  const shown = attempted ? checked.errors.note : undefined;

  const submit = async () => {
    setAttempted(true);
    if (checked.errors.note || checked.other) return;
    const payload = { problemId: problem.id, to: step.to, note: note.trim() };
    const out = await send(() => call('problem.transition', { ...payload, requestId: ids.stamp(payload) }));
    if (!out) return;
    bumpDataVersion();
    toastSuccess(done[step.to] ?? '已提交');
    onDone(out.problem);
  };

  return (
    <Sheet
      title={`${step.verb}：${problem.title}`}
      sub={`「${problemStatusNames[problem.status]}」→「${problemStatusNames[step.to]}」`}
      error={
        failed?.other ??
        (failed?.errors.note ? '请按提示修改后再提交' : attempted && shown ? '还有 1 处需要填写' : null)
      }
      submitText={step.verb}
      sending={sending}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <AreaField
        name="note"
        label={step.note ?? '说明（可不填）'}
        value={note}
        max={NOTE_MAX}
        placeholder={hints[step.to] ?? '说明'}
        error={failed?.errors.note ?? shown}
        onInput={(v) => {
          setNote(v);
          clearFailed();
        }}
      />
    </Sheet>
  );
}
