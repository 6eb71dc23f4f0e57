/**
 * 记录约谈 (a supervisor): the day it was held — picked, today by default, between the day after the
 * reviewed month and today, as the server allows — and how it went; confirmed, since it cannot be changed.
 */
import { useState } from 'react';
import { attendeeNames, levelNames, type Interview } from '../../../../../core/contract';
import { addDays } from '../../../../../core/domain/days';
import { periodEnd } from '../../../../../core/domain/review';
import { call } from '../../../../api/call';
import { DateField } from '../../../../components/Fields';
import { dayText } from '../../../../lib/dates';
import TextSheet from '../../components/TextSheet';

interface Props {
  interview: Interview;
  today: string;
  onDone: (i: Interview) => void;
  onCancel: () => void;
}

export default function RecordForm({ interview: i, today, onDone, onCancel }: Props) {
  const [heldAt, setHeldAt] = useState(today);
  const start = addDays(periodEnd(i.period), 1);
  return (
    <TextSheet
      title={`记录约谈：${i.unitName}`}
      sub={`${levelNames[i.level]} · 参加：${i.attendees.map((a) => attendeeNames[a]).join('、')}`}
      label="约谈情况"
      placeholder="约谈对象、指出的问题、单位的整改承诺"
      max={2000}
      required="请填写约谈情况"
      submitText="记录已约谈"
      extra={
        <DateField
          name="heldAt"
          label="约谈日期"
          value={heldAt}
          start={start}
          end={today}
          text={(d) => dayText(d, today)}
          onChange={setHeldAt}
        />
      }
      extraKey={heldAt}
      ask={() => ({
        title: '记录已约谈',
        content: `「${i.unitName}」已于 ${dayText(heldAt, today)} 约谈？记录后不能修改。`,
        confirmText: '记录',
      })}
      send={(note, requestId) =>
        call('interview.record', { interviewId: i.id, heldAt, note, requestId }).then((o) => o.interview)
      }
      done="已记录"
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
