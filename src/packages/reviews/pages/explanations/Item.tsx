/** One 书面说明: unit and metric, the target against where it ended, the due date, its status and text. */
import { Button, Text, View } from '@tarojs/components';
import type { Explanation } from '../../../../../core/contract';
import { dayText, dueInText, instantText } from '../../../../lib/dates';
import { ExplanationStatusChip } from '../../components/Chip';
import { figureText } from '../../lib/format';
import type { ExplanationStep } from './steps';

interface Props {
  e: Explanation;
  measure: string;
  today: string;
  focus: boolean;
  step: ExplanationStep;
  onSubmit: () => void;
  onAccept: () => void;
  onReturn: () => void;
}

export default function Item({ e, measure, today, focus, step, onSubmit, onAccept, onReturn }: Props) {
  const open = e.status === 'requested' || e.status === 'returned';
  const late = open && e.dueDate < today;
  return (
    <View className={`ritem${focus ? ' ritem--focus' : ''}`} data-testid="explanation">
      <View className="ritem__head">
        <Text className="ritem__title">
          {e.unitName} · {e.metricName}
        </Text>
        <ExplanationStatusChip status={e.status} />
      </View>
      <Text className="ritem__line">
        目标 {figureText(e.target, measure)} · 完成{' '}
        {e.value === null ? '未填报' : figureText(e.value, measure)}
      </Text>
      {open && (
        <Text className={`ritem__line${late ? ' ritem__late' : ''}`}>
          提交期限：{dayText(e.dueDate, today)}前（{dueInText(e.dueDate, today)}）
        </Text>
      )}
      {e.status === 'returned' && e.returnReason && (
        <Text className="ritem__line ritem__late">退回原因：{e.returnReason}</Text>
      )}
      {e.text !== '' && <Text className="ritem__text">{e.text}</Text>}
      {e.submittedAt && (
        <Text className="ritem__line">
          {e.submittedByName ?? ''} 提交于 {instantText(e.submittedAt)}
          {e.decidedAt && e.status !== 'returned'
            ? ` · ${e.decidedByName ?? ''} 审核于 ${instantText(e.decidedAt)}`
            : ''}
        </Text>
      )}
      {step === 'wait_leader' && <Text className="ritem__line">由本单位负责人填写并提交。</Text>}
      {step === 'submit' && (
        <View className="ritem__steps">
          <Button className="primary-btn ritem__step" onClick={onSubmit} data-testid="write">
            {e.status === 'returned' ? '修改后重新提交' : '写书面说明'}
          </Button>
        </View>
      )}
      {step === 'decide' && (
        <View className="ritem__steps">
          <Button className="primary-btn ritem__step" onClick={onAccept} data-testid="accept">
            通过
          </Button>
          <Button className="ghost-btn ritem__step" onClick={onReturn} data-testid="return">
            退回
          </Button>
        </View>
      )}
    </View>
  );
}
