/**
 * A half-screen form over the page (UX.md: side tasks that should not leave the page): its title, what
 * went wrong at the top in plain words, the fields, and 取消 beside the one primary button. The task and
 * review forms share it.
 */
import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import FormError from '../FormError';
import './index.scss';

interface Props {
  title: string;
  sub?: string;
  /** Why the last try failed, said at the top; null when nothing did. */
  error: string | null;
  submitText: string;
  sending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** Only while sending: Taro's browser button greys out for any `disabled` attribute, "false" included. */
const disabledWhile = (sending: boolean) => (sending ? { disabled: true } : {});

export default function Sheet({
  title,
  sub,
  error,
  submitText,
  sending,
  onSubmit,
  onCancel,
  children,
}: Props) {
  return (
    <View className="sheet" catchMove data-testid="sheet">
      <View className="sheet__mask" onClick={() => !sending && onCancel()} />
      <View className="sheet__panel" ariaRole="dialog" ariaLabel={title}>
        <Text className="sheet__title">{title}</Text>
        {sub && <Text className="sheet__sub">{sub}</Text>}
        <FormError text={error} testId="sheet-error" />
        {children}
        <View className="sheet__buttons">
          <Button className="ghost-btn sheet__btn" {...disabledWhile(sending)} onClick={onCancel}>
            取消
          </Button>
          <Button
            className="primary-btn sheet__btn"
            {...disabledWhile(sending)}
            onClick={onSubmit}
            data-testid="sheet-submit"
          >
            {sending ? '提交中…' : submitText}
          </Button>
        </View>
      </View>
    </View>
  );
}
