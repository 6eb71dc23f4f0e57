/** 晒: every unit's posts, newest first; pull to refresh, more by cursor at the bottom; 发布 for those who may post. */
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { User } from '../../../core/contract';
import { toastError } from '../../api/toast';
import PostCard from '../../components/PostCard';
import SignedInPage from '../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { useArena } from '../../hooks/useArena';
import { usePostList } from '../../hooks/usePostList';
import { dataVersion } from '../../lib/freshness';
import { canPost } from '../../lib/roles';
import { routes } from '../../lib/routes';
import './index.scss';

function Feed({ user }: { user: User }) {
  const arena = useArena(user.id);
  const list = usePostList({ enabled: arena.data !== null });
  const seen = useRef(dataVersion());

  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (!list.error) void list.loadMore();
  });
  // Back from the editor: show the new post at the top.
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void list.refresh();
    }
  });

  if (arena.error) return <ErrorState error={arena.error} onRetry={() => void arena.reload()} />;
  const a = arena.data;
  if (!a) return <Loading />;

  return (
    <View>
      {canPost(user) && (
        <View className="feed__compose">
          <Text className="feed__who">
            {user.unitName} · {user.name}
          </Text>
          <Button
            className="primary-btn feed__post"
            onClick={() => void Taro.navigateTo({ url: routes.post }).catch(toastError)}
          >
            发布进展
          </Button>
        </View>
      )}
      {list.items.map((p) => (
        <PostCard key={p.id} post={p} arena={a} />
      ))}
      {list.items.length === 0 && list.loading && <Loading />}
      {list.error !== null && (
        <ErrorState
          error={list.error}
          onRetry={() => void (list.items.length ? list.loadMore() : list.refresh())}
        />
      )}
      {list.items.length === 0 && !list.loading && list.error === null && list.ended && (
        <Empty text="暂无动态" />
      )}
      {list.items.length > 0 && list.loading && <Text className="list-end">加载中…</Text>}
      {list.items.length > 0 && list.ended && <Text className="list-end">没有更多了</Text>}
    </View>
  );
}

export default function FeedPage() {
  return (
    <SignedInPage title="晒一晒" className="feed">
      {(user) => <Feed key={user.id} user={user} />}
    </SignedInPage>
  );
}
