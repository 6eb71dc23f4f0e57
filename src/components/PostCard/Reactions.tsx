/**
 * Under a post: 赞 with its count (mine marked by the word 已赞 and a filled heart, not colour alone), 评论
 * with its count, opening the comments sheet, and for supervisors and city leaders 推荐为经验做法 / 取消推荐.
 * Only for a signed-in user: the server answers for them.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '../../../core/contract';
import type { Reactions as State } from '../../hooks/useReactions';
import { canRecommend } from '../../lib/social';
import CommentsSheet from './CommentsSheet';
import Recommend from './Recommend';

interface Props {
  postId: string;
  unitName: string;
  user: User;
  r: State;
}

const count = (n: number): string => (n > 0 ? ` ${n}` : '');

export default function Reactions({ postId, unitName, user, r }: Props) {
  const [commenting, setCommenting] = useState(false);
  return (
    <View className="react">
      <View
        className={`react__btn${r.likedByMe ? ' react__btn--on' : ''}`}
        hoverClass="react__btn--pressed"
        ariaRole="button"
        ariaLabel={r.likedByMe ? `已赞，共 ${r.likes} 人赞，点击取消` : `赞，共 ${r.likes} 人赞`}
        onClick={() => void r.toggleLike()}
        data-testid="like"
      >
        <Text className="react__icon">{r.likedByMe ? '♥' : '♡'}</Text>
        <Text>
          {r.likedByMe ? '已赞' : '赞'}
          {count(r.likes)}
        </Text>
      </View>
      <View
        className="react__btn"
        hoverClass="react__btn--pressed"
        ariaRole="button"
        ariaLabel={`评论，共 ${r.comments} 条`}
        onClick={() => setCommenting(true)}
        data-testid="open-comments"
      >
        <Text>评论{count(r.comments)}</Text>
      </View>
      {canRecommend(user.role) && (
        <Recommend postId={postId} unitName={unitName} exemplar={r.exemplar} onChange={r.setExemplar} />
      )}
      {commenting && (
        <CommentsSheet
          postId={postId}
          unitName={unitName}
          role={user.role}
          onCommented={(isNew) => isNew && r.commented()}
          onClose={() => setCommenting(false)}
        />
      )}
    </View>
  );
}
