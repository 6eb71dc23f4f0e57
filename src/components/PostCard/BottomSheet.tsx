/**
 * A half-screen panel over the page for a post's side tasks (UX.md: they should not leave the page): the
 * page stays behind it, dimmed, down to where the page ends (./belowPage.h5.ts); a tap on the dimmed part
 * or 关闭 closes it (not while `busy`).
 */
import { Text, View } from '@tarojs/components';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { spaceBelowPage } from './belowPage';

interface Props {
  title: string;
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  /**
   * The sheet holds a list that scrolls (a ScrollView): then only the dimmed part and the title hold the
   * page still, as a touchmove caught above a WeChat scroll-view can keep it from scrolling.
   */
  scrolls?: boolean;
}

export default function BottomSheet({
  title,
  busy = false,
  onClose,
  children,
  testId,
  scrolls = false,
}: Props) {
  const ref = useRef<unknown>(null);
  const [below, setBelow] = useState(0);
  useLayoutEffect(() => setBelow(spaceBelowPage(ref.current)), []);
  const close = () => {
    if (!busy) onClose();
  };
  return (
    <View
      ref={ref}
      className="psheet"
      style={below > 0 ? { bottom: `${below}px` } : undefined}
      data-testid={testId}
    >
      <View className="psheet__mask" catchMove onClick={close} />
      <View className="psheet__panel" catchMove={!scrolls} ariaRole="dialog" ariaLabel={title}>
        <View className="psheet__head" catchMove>
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
