/**
 * Chips of the review pages: a 约谈 level, a 约谈's or a 书面说明's status — always a mark and words beside
 * the colour (UX.md "Colour is never the only signal").
 */
import { Text, View } from '@tarojs/components';
import {
  explanationStatusNames,
  interviewStatusNames,
  levelNames,
  type ExplanationStatus,
  type Interview,
  type InterviewLevel,
} from '../../../../core/contract';

type Tone = 'red' | 'yellow' | 'green' | 'blue' | 'grey';

export function Chip({
  tone,
  mark,
  text,
  testId,
}: {
  tone: Tone;
  mark: string;
  text: string;
  testId?: string;
}) {
  return (
    <View className={`rchip rchip--${tone}`} data-testid={testId}>
      <Text className="rchip__mark">{mark}</Text>
      <Text>{text}</Text>
    </View>
  );
}

export function LevelChip({ level }: { level: InterviewLevel }) {
  return (
    <Chip
      tone={level === 2 ? 'red' : 'yellow'}
      mark={level === 2 ? '‼' : '⚠'}
      text={levelNames[level]}
      testId="level-chip"
    />
  );
}

const interviewTones: Record<Interview['status'], [Tone, string]> = {
  scheduled: ['yellow', '○'],
  held: ['green', '✓'],
  cancelled: ['grey', '—'],
};

export function InterviewStatusChip({ status }: { status: Interview['status'] }) {
  const [tone, mark] = interviewTones[status];
  return <Chip tone={tone} mark={mark} text={interviewStatusNames[status]} testId="interview-status" />;
}

const explanationTones: Record<ExplanationStatus, [Tone, string]> = {
  requested: ['yellow', '○'],
  submitted: ['blue', '◎'],
  accepted: ['green', '✓'],
  returned: ['red', '↺'],
};

export function ExplanationStatusChip({ status }: { status: ExplanationStatus }) {
  const [tone, mark] = explanationTones[status];
  return <Chip tone={tone} mark={mark} text={explanationStatusNames[status]} testId="explanation-status" />;
}
