/**
 * A post as a progress card: unit, author, time, each figure against its target, the text
 * (always as text: markup shows literally) and photos that open full size (./PhotoGrid.tsx).
 */
import { Text, View } from '@tarojs/components';
import type { Post } from '../../../core/contract';
import type { Arena } from '../../lib/arena';
import { campaignDayOf, tauOn } from '../../lib/progress';
import { relativeTimeText } from '../../lib/time';
import FigureLine from './FigureLine';
import PhotoGrid from './PhotoGrid';
import './index.scss';

interface Props {
  post: Post;
  arena: Arena;
  /** For relative times; tests fix it. */
  now?: number;
}

export default function PostCard({ post, arena, now }: Props) {
  const tau = tauOn(arena.campaign, campaignDayOf(arena.campaign, post.createdAt));
  return (
    <View className="post" data-testid="post-card">
      <View className="post__head">
        <Text className="post__unit">{post.unitName}</Text>
        {/* The feed's opening picture (lib/opening-picture.h5.ts) keeps the name: the time would age. */}
        <Text className="post__by" data-picture={post.authorName}>
          {post.authorName} · {relativeTimeText(post.createdAt, now)}
        </Text>
      </View>
      {post.figures.map((f) => (
        <FigureLine
          key={f.metricId}
          figure={f}
          metric={arena.metric(f.metricId)}
          target={arena.target(post.unitId, f.metricId)}
          tau={tau}
        />
      ))}
      {post.correctionReason !== null && (
        <Text className="post__correction">更正说明：{post.correctionReason}</Text>
      )}
      {post.text !== '' && (
        <Text className="post__text" userSelect>
          {post.text}
        </Text>
      )}
      {post.photos.length > 0 && <PhotoGrid photos={post.photos} hidden={post.hiddenPhotos ?? []} />}
    </View>
  );
}
