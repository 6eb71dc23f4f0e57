/**
 * 晒: every unit's posts, newest first, with the published 通报 among them by time; pull to refresh, more by
 * cursor at the bottom; 发布 for those who may post; 学 at the top. On opening, the cards kept from the last time show at
 * once, with the loading mark by the title, until the fresh ones come (in the browser, a picture of them
 * shows even before: lib/opening-picture.h5.ts).
 */
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { User } from '../../../core/contract';
import { messageOf } from '../../api/errors';
import { toastError } from '../../api/toast';
import PostCard from '../../components/PostCard';
import SignedInPage from '../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { useFeed } from '../../hooks/useFeed';
import { usePainted } from '../../hooks/usePainted';
import { feedItems } from '../../lib/feed-notices';
import { dataVersion } from '../../lib/freshness';
import { dropOpeningPicture, takeOpeningPicture } from '../../lib/opening-picture';
import { canPost } from '../../lib/roles';
import { routes } from '../../lib/routes';
import { learnRoute } from '../../lib/social';
import { relativeTimeText } from '../../lib/time';
import NoticeCard from './NoticeCard';
import './index.scss';
import LearnLink from '../../components/LearnLink';

/** Kept cards drawn before the first paint: a phone's screen holds about two. */
const FIRST_KEPT_CARDS = 3;

function Feed({ user }: { user: User }) {
  const feed = useFeed(user.id);
  const painted = usePainted();
  const seen = useRef(dataVersion());
  const keptShown = feed.keptAt !== null;
  const refreshing = keptShown && feed.loading;
  const fresh = !keptShown && feed.arena !== null && feed.items.length > 0;

  usePullDownRefresh(() => {
    void feed.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (!feed.error) void feed.loadMore();
  });
  // Back from the editor: show the new post at the top.
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void feed.refresh();
    }
  });
  // The live cards are up: the browser's opening picture of them (index.html) can go.
  useEffect(() => {
    if (painted) dropOpeningPicture();
  }, [painted]);
  // Kept cards being brought up to date: WeChat's sign of it, the loading mark by the page title.
  useEffect(() => {
    try {
      if (refreshing) Taro.showNavigationBarLoading();
      else Taro.hideNavigationBarLoading();
    } catch {
      // a mark only
    }
  }, [refreshing]);
  useEffect(() => {
    if (fresh) takeOpeningPicture(user.id);
  }, [fresh, feed.items, user.id]);

  const a = feed.arena;
  const posts = keptShown && !painted ? feed.items.slice(0, FIRST_KEPT_CARDS) : feed.items;
  const items = feedItems(posts, feed.notices);
  const retry = () => void (feed.items.length && !keptShown ? feed.loadMore() : feed.refresh());
  return (
    <View>
      <LearnLink
        note="经验做法 · 各组前三"
        onOpen={() => void Taro.navigateTo({ url: learnRoute }).catch(toastError)}
      />
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
      {keptShown && feed.error !== null && (
        <KeptFailed keptAt={feed.keptAt ?? 0} error={feed.error} onRetry={retry} />
      )}
      {!a && (feed.error !== null ? <ErrorState error={feed.error} onRetry={retry} /> : <Loading />)}
      {a &&
        items.map((it) =>
          it.kind === 'post' ? (
            <PostCard key={it.post.id} post={it.post} arena={a} />
          ) : (
            <NoticeCard key={`notice:${it.notice.reviewId}`} notice={it.notice} />
          ),
        )}
      {a && feed.items.length === 0 && feed.loading && <Loading />}
      {a && feed.error !== null && !keptShown && <ErrorState error={feed.error} onRetry={retry} />}
      {a && feed.items.length === 0 && !feed.loading && feed.error === null && feed.ended && (
        <Empty text="暂无动态" />
      )}
      {!keptShown && feed.items.length > 0 && feed.loading && <Text className="list-end">加载中…</Text>}
      {feed.items.length > 0 && feed.ended && <Text className="list-end">没有更多了</Text>}
    </View>
  );
}

/** Above kept cards that could not be brought up to date: why, how old they are, and 重试. */
function KeptFailed({ keptAt, error, onRetry }: { keptAt: number; error: unknown; onRetry: () => void }) {
  return (
    <View className="feed__kept" data-testid="feed-kept">
      <Text>
        没能更新（{messageOf(error)}），以下是{relativeTimeText(new Date(keptAt).toISOString())}
        保存的动态。
      </Text>
      <Button className="feed__retry" onClick={onRetry}>
        重试
      </Button>
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
