/** Where data will appear: skeleton rows while loading, a reason and 重试 on error, a line when empty. */
import { Button, Text, View } from '@tarojs/components';
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';
import type { ReactNode } from 'react';
import { messageOf } from '../../api/errors';
import './index.scss';

export function Loading({ rows = 3 }: { rows?: number }) {
  return (
    <View className="state state--loading" aria-busy>
      <Skeleton rows={rows} animated />
      <Text className="state__hint">加载中…</Text>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <View className="state state--error">
      <Text className="state__title">没能加载</Text>
      <Text className="state__hint">{messageOf(error)}</Text>
      {onRetry && (
        <Button className="state__retry" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

export function Empty({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="state state--empty">
      <Text className="state__hint">{text}</Text>
      {children}
    </View>
  );
}
