/**
 * A published 通报: its title, when and by whom, the version switcher when it was corrected (with what the
 * correction changed), the 按语, the rankings, and its tools. A supervisor may check it against the latest
 * figures: the draft, published as the next version when something changed.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { User } from '../../../../../core/contract';
import { call } from '../../../../api/call';
import { ApiCallError } from '../../../../api/errors';
import { toastError } from '../../../../api/toast';
import Chips from '../../../../components/Chips';
import PageSkeleton from '../../../../components/Skeleton';
import { Empty, ErrorState } from '../../../../components/StateView';
import { useAsync } from '../../../../hooks/useAsync';
import { instantText } from '../../../../lib/dates';
import { dataVersion } from '../../../../lib/freshness';
import { routes } from '../../../../lib/routes';
import ReviewBody from '../../components/ReviewBody';
import { reviewTitle } from '../../lib/review-view';
import Tools from './Tools';

interface Props {
  user: User;
  period: string;
  /** The version asked for; undefined: the latest. */
  version: number | undefined;
  onVersion: (version: number) => void;
}

export default function Published({ user, period, version, onVersion }: Props) {
  const got = useAsync(`${period}|${version ?? 'latest'}`, () =>
    call('review.get', { period, ...(version !== undefined ? { version } : {}) }),
  );
  const seen = useRef(dataVersion());
  usePullDownRefresh(() => {
    void got.reload().finally(() => void Taro.stopPullDownRefresh());
  });
  // Back from the draft where a new version was published.
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void got.reload();
    }
  });

  if (got.error instanceof ApiCallError && got.error.code === 'NOT_FOUND')
    return <Empty text={got.error.message} />;
  if (got.error) return <ErrorState error={got.error} onRetry={() => void got.reload()} />;
  if (!got.data) return <PageSkeleton cards={3} />;
  const { review, versions } = got.data;
  const latest = Math.max(...versions);

  return (
    <View>
      <View className="rv__head">
        <Text className="rv__title" data-testid="review-title">
          {reviewTitle(review.period, review.version)}
        </Text>
        <Text className="rv__meta">
          第 {review.version} 版 · {instantText(review.publishedAt)} 发布 · {review.publishedByName}
        </Text>
        {versions.length > 1 && (
          <View className="rv__versions no-print" data-testid="versions">
            <Chips
              label="版本"
              choices={[...versions]
                .sort((a, b) => b - a)
                .map((v) => ({
                  value: String(v),
                  label: v === latest ? `第 ${v} 版（最新）` : `第 ${v} 版`,
                }))}
              value={String(review.version)}
              // The version shown, tapped again, is not fetched again.
              onChange={(v) => {
                if (Number(v) !== review.version) onVersion(Number(v));
              }}
            />
          </View>
        )}
        {review.version < latest && (
          <Text className="rv__old">
            这是第 {review.version} 版，已被第 {latest} 版更正。
          </Text>
        )}
      </View>

      {review.changes.length > 0 && (
        <View className="rcard" data-testid="review-changes">
          <Text className="rcard__title">本版更正</Text>
          {review.changes.map((c) => (
            <Text key={c} className="rcard__line">
              · {c}
            </Text>
          ))}
        </View>
      )}

      {review.note !== '' && (
        <View className="rcard" data-testid="review-note">
          <Text className="rcard__title">按语</Text>
          <Text className="rcard__text" userSelect>
            {review.note}
          </Text>
        </View>
      )}

      <ReviewBody review={review} />
      <Tools period={review.period} version={review.version} />
      {user.role === 'supervisor' && review.version === latest && (
        <View className="rv__recheck no-print">
          <Text className="rv__hint">数据有更正时，可按最新数据核对，有变化的发布为新版本。</Text>
          <Button
            className="ghost-btn"
            onClick={() =>
              void Taro.navigateTo({ url: routes.review({ period, draft: true }) }).catch(toastError)
            }
          >
            按最新数据核对
          </Button>
        </View>
      )}
    </View>
  );
}
