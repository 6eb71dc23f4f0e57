/**
 * 提出难题: what is stuck on a task — the problem, its detail, its cause (the 拆槛除障 categories), the
 * responsible unit (one's own for unit staff; any of the task's for a supervisor) and the day it must be
 * solved by. Every field is checked against the contract before anything is sent.
 */
import { useState } from 'react';
import {
  problemCategories,
  problemCategoryNames,
  type Day,
  type Problem,
  type Task,
  type User,
} from '../../../../core/contract';
import { call } from '../../../api/call';
import { toastSuccess } from '../../../api/toast';
import { AreaField, ChoiceField, DateField, FixedField, TextField } from '../../../components/Fields';
import Sheet from '../../../components/Sheet';
import type { Arena } from '../../../lib/arena';
import { dayText } from '../../../lib/dates';
import { bumpDataVersion } from '../../../lib/freshness';
import { CHECK_ONLY_ID, contractErrors } from '../lib/forms';
import { raiseUnits } from '../lib/people';
import { useRequestIds } from '../lib/requestId';
import { useSend } from '../lib/useSend';

const fields = ['title', 'detail', 'category', 'unitId', 'dueDate'] as const;
type Field = (typeof fields)[number];

export interface RaiseValues {
  title: string;
  detail: string;
  category: string;
  unitId: string;
  dueDate: string;
}

/** The form's problems, field by field: the contract's checks, said for a form a person fills in. */
export function checkRaise(taskId: string, v: RaiseValues, today: Day) {
  const checked = contractErrors('problem.create', { taskId, ...v, requestId: CHECK_ONLY_ID }, fields);
  const e = checked.errors;
  // Nothing chosen yet is asked for, not called malformed.
  if (!v.category) e.category = '请选择难题类别';
  if (!v.unitId) e.unitId = '请选择责任单位';
  if (!v.dueDate) e.dueDate = '请选择办结期限';
  else if (!e.dueDate && v.dueDate < today) e.dueDate = '办结期限不能早于今天';
  return checked;
}

interface Props {
  user: User;
  task: Pick<Task, 'id' | 'title' | 'unitIds' | 'leadUnitId'>;
  arena: Arena;
  today: Day;
  onDone: (problem: Problem) => void;
  onCancel: () => void;
}

export default function RaiseForm({ user, task, arena, today, onDone, onCancel }: Props) {
  const units = raiseUnits(user, task);
  const [v, setV] = useState<RaiseValues>({
    title: '',
    detail: '',
    category: '',
    unitId: units.length === 1 ? units[0]! : '',
    dueDate: '',
  });
  const [attempted, setAttempted] = useState(false);
  const ids = useRequestIds();
  const { sending, failed, clearFailed, send } = useSend(fields);

  const checked = checkRaise(task.id, v, today);
  const bad = Object.keys(checked.errors).length;
  const errorOf = (f: Field) => failed?.errors[f] ?? (attempted ? checked.errors[f] : undefined);
  const set = (patch: Partial<RaiseValues>) => {
    setV((old) => ({ ...old, ...patch }));
    clearFailed();
  };
  const unitName = (id: string) => arena.unit(id)?.name ?? id;

  const submit = async () => {
    setAttempted(true);
    if (bad > 0 || checked.other) return;
    const payload = {
      taskId: task.id,
      title: v.title.trim(),
      detail: v.detail.trim(),
      category: v.category as (typeof problemCategories)[number],
      unitId: v.unitId,
      dueDate: v.dueDate,
    };
    const out = await send(() => call('problem.create', { ...payload, requestId: ids.stamp(payload) }));
    if (!out) return;
    bumpDataVersion();
    toastSuccess('已提出');
    onDone(out.problem);
  };

  const top =
    failed?.other ??
    (failed && Object.keys(failed.errors).length > 0
      ? '请按提示修改后再提交'
      : attempted && bad > 0
        ? `还有 ${bad} 处需要填写或修改`
        : (attempted && checked.other) || null);

  return (
    <Sheet
      title="提出难题"
      sub={`任务：${task.title}`}
      error={top}
      submitText="提出难题"
      sending={sending}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextField
        name="title"
        label="难题"
        value={v.title}
        max={100}
        placeholder="一句话说清卡在哪里"
        error={errorOf('title')}
        onInput={(title) => set({ title })}
      />
      <AreaField
        name="detail"
        label="详情（可不填）"
        value={v.detail}
        max={2000}
        placeholder="来龙去脉、已经做了什么、需要谁协调"
        error={errorOf('detail')}
        onInput={(detail) => set({ detail })}
      />
      <ChoiceField
        name="category"
        label="难题类别"
        value={v.category}
        choices={problemCategories.map((c) => ({ value: c, label: problemCategoryNames[c] }))}
        error={errorOf('category')}
        onChange={(category) => set({ category })}
      />
      {units.length === 1 ? (
        <FixedField name="unitId" label="责任单位" text={unitName(units[0]!)} />
      ) : (
        <ChoiceField
          name="unitId"
          label="责任单位"
          value={v.unitId}
          choices={units.map((id) => ({ value: id, label: unitName(id) }))}
          error={errorOf('unitId')}
          onChange={(unitId) => set({ unitId })}
        />
      )}
      <DateField
        name="dueDate"
        label="办结期限"
        value={v.dueDate}
        start={today}
        text={(d) => `${dayText(d, today)}前办结`}
        error={errorOf('dueDate')}
        onChange={(dueDate) => set({ dueDate })}
      />
    </Sheet>
  );
}
