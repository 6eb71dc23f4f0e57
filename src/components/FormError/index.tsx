/**
 * What stopped a form, said at its top in plain words (UX.md "Forms"): a mark and the words on a soft red
 * ground. Nothing while nothing did.
 */
import { Text } from '@tarojs/components';
import './index.scss';

export default function FormError({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <Text className="form-error" data-testid={testId}>
      ⚠ {text}
    </Text>
  );
}
