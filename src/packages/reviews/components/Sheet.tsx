/**
 * A half-screen form over the page (UX.md: side tasks that should not leave the page): its title, what
 * went wrong at the top in plain words, the fields, and 取消 beside the one primary button.
 */
import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

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
    <View className="rsheet" catchMove data-testid="sheet">
      <View className="rsheet__mask" onClick={() => !sending && onCancel()} />
      <View className="rsheet__panel" ariaRole="dialog" ariaLabel={title}>
        <Text className="rsheet__title">{title}</Text>
        {sub && <Text className="rsheet__sub">{sub}</Text>}
        {error && (
          <Text className="rsheet__error" data-testid="sheet-error">
            ⚠ {error}
          </Text>
        )}
        {children}
        <View className="rsheet__buttons">
          <Button className="ghost-btn rsheet__btn" {...disabledWhile(sending)} onClick={onCancel}>
            取消
          </Button>
          <Button
            className="primary-btn rsheet__btn"
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
