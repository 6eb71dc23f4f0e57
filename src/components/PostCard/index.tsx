/**
 * A post as a progress card: unit, author, time, its 经验做法 mark, each figure against its target, the
 * text (always as text: markup shows literally), photos that open full size (./PhotoGrid.tsx), and for
 * a signed-in reader 赞, 评论 and, for supervisors and city leaders, 推荐为经验做法 (./Reactions.tsx).
 */
import { Text, View } from '@tarojs/components';
import { useReactions, type CardPost } from '../../hooks/useReactions';
import { useUser } from '../../hooks/useUser';
import type { Arena } from '../../lib/arena';
import { campaignDayOf, tauOn } from '../../lib/progress';
import { relativeTimeText } from '../../lib/time';
import ExemplarBadge from './ExemplarBadge';
import FigureLine from './FigureLine';
import PhotoGrid from './PhotoGrid';
import Reactions from './Reactions';
import './index.scss';
import './social.scss';

interface Props {
  post: CardPost;
  arena: Arena;
  /** For relative times; tests fix it. */
  now?: number;
}

export default function PostCard({ post, arena, now }: Props) {
  const tau = tauOn(arena.campaign, campaignDayOf(arena.campaign, post.createdAt));
  const user = useUser();
  const reactions = useReactions(post);
  return (
    <View className="post" data-testid="post-card">
      <View className="post__head">
        <Text className="post__unit">{post.unitName}</Text>
        {/* The feed's opening picture (lib/opening-picture.h5.ts) keeps the name: the time would age. */}
        <Text className="post__by" data-picture={post.authorName}>
          {post.authorName} · {relativeTimeText(post.createdAt, now)}
        </Text>
      </View>
      {reactions.exemplar && <ExemplarBadge exemplar={reactions.exemplar} now={now} />}
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
      {user && <Reactions postId={post.id} unitName={post.unitName} user={user} r={reactions} />}
    </View>
  );
}
