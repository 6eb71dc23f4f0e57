/**
 * WeChat: 转发 (to a chat) and 分享到朋友圈 from the capsule menu show `card()`, read when the person
 * shares, so the card tells the page's latest figures. The page's config must set enableShareAppMessage
 * and enableShareTimeline: WeChat offers the menu items only on pages that declare them.
 */
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { ShareCard } from '../lib/share';

export function useShare(card: () => ShareCard): void {
  useShareAppMessage(() => {
    const c = card();
    return { title: c.title, path: c.path };
  });
  useShareTimeline(() => {
    const c = card();
    return { title: c.title, query: c.query };
  });
}
