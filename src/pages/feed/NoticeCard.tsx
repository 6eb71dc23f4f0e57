/**
 * A published 通报 among the posts: its title, how many units it calls to 约谈, the start of its 按语; a tap
 * opens the 通报 (the reviews subpackage). Set apart from the posts by its mark and border, not colour alone.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReviewNotice } from '../../../core/contract';
import { toastError } from '../../api/toast';
import { noteExcerpt } from '../../lib/feed-notices';
import { routes } from '../../lib/routes';
import { relativeTimeText } from '../../lib/time';

export default function NoticeCard({ notice, now }: { notice: ReviewNotice; now?: number }) {
  const open = () =>
    void Taro.navigateTo({ url: routes.review({ period: notice.period, version: notice.version }) }).catch(
      toastError,
    );
  const excerpt = noteExcerpt(notice.note);
  return (
    <View
      className="notice"
      hoverClass="notice--pressed"
      onClick={open}
      ariaRole="link"
      ariaLabel={`${notice.title}，点击查看全文`}
      data-testid="notice-card"
    >
      <Text className="notice__title">📋 {notice.title}</Text>
      <Text className={`notice__flagged${notice.flaggedCount > 0 ? ' notice__flagged--some' : ''}`}>
        {notice.flaggedCount > 0 ? `${notice.flaggedCount} 个单位列入约谈` : '本月没有单位列入约谈'}
      </Text>
      {excerpt !== '' && <Text className="notice__note">按语：{excerpt}</Text>}
      <View className="notice__foot">
        <Text className="notice__by">
          {notice.publishedByName} 发布 · {relativeTimeText(notice.publishedAt, now)}
        </Text>
        <Text className="notice__go">查看通报 ›</Text>
      </View>
    </View>
  );
}
