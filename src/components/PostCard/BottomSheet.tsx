/**
 * A half-screen panel over the page for a post's side tasks (UX.md: they should not leave the page): the
 * page stays behind it, dimmed; a tap on the dimmed part or 关闭 closes it (not while `busy`).
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}

export default function BottomSheet({ title, busy = false, onClose, children, testId }: Props) {
  const close = () => {
    if (!busy) onClose();
  };
  return (
    <View className="psheet" catchMove data-testid={testId}>
      <View className="psheet__mask" onClick={close} />
      <View className="psheet__panel" ariaRole="dialog" ariaLabel={title}>
        <View className="psheet__head">
          <Text className="psheet__title">{title}</Text>
          <View className="psheet__close" ariaRole="button" onClick={close} data-testid="sheet-close">
            <Text>关闭</Text>
          </View>
        </View>
        {children}
      </View>
    </View>
  );
}
