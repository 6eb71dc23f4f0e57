/** A problem's status as a chip, with a mark beside the word and the colour; 逾期 as a tag of its own. */
import { Text, View } from '@tarojs/components';
import { problemStatusNames, type ProblemStatus } from '../../../../core/contract';

const marks: Record<ProblemStatus, string> = {
  open: '○',
  in_progress: '◎',
  resolved: '✓',
  closed: '■',
  reopened: '↺',
};

export default function StatusChip({
  status,
  overdue = false,
}: {
  status: ProblemStatus;
  overdue?: boolean;
}) {
  return (
    <View className="pchips">
      <View className={`pchip pchip--${status}`} data-testid="problem-status">
        <Text className="pchip__mark">{marks[status]}</Text>
        <Text>{problemStatusNames[status]}</Text>
      </View>
      {overdue && (
        <View className="pchip pchip--overdue" data-testid="problem-overdue">
          <Text className="pchip__mark">⚠</Text>
          <Text>逾期</Text>
        </View>
      )}
    </View>
  );
}
