/**
 * A post card's reactions: 赞 (shown at once; taken back, with the server's word, when it does not go
 * through), the comment count and the 经验做法 mark. They start from the post as it came and follow it when
 * a refresh brings other values; in between, the answers to this phone's own actions are what shows.
 * None of it enters a score (DOMAIN.md "Nothing of activity counts").
 */
import { useRef, useState } from 'react';
import type { Exemplar, FeedPost, Post } from '../../core/contract';
import { call } from '../api/call';
import { toastError } from '../api/toast';

/** A card's post: one kept by an older build (lib/kept-feed.ts) has no reactions, which show as none. */
export type CardPost = Post & Partial<Pick<FeedPost, 'likes' | 'likedByMe' | 'comments' | 'exemplar'>>;

export interface ReactionState {
  likes: number;
  likedByMe: boolean;
  comments: number;
  exemplar: Exemplar | null;
}

export interface Reactions extends ReactionState {
  toggleLike: () => Promise<void>;
  /** A comment went through: one more. */
  commented: () => void;
  setExemplar: (exemplar: Exemplar | null) => void;
}

const stateOf = (p: CardPost): ReactionState => ({
  likes: p.likes ?? 0,
  likedByMe: p.likedByMe ?? false,
  comments: p.comments ?? 0,
  exemplar: p.exemplar ?? null,
});

const same = (a: ReactionState, b: ReactionState): boolean =>
  a.likes === b.likes &&
  a.likedByMe === b.likedByMe &&
  a.comments === b.comments &&
  a.exemplar?.at === b.exemplar?.at &&
  a.exemplar?.reason === b.exemplar?.reason;

export function useReactions(post: CardPost): Reactions {
  const incoming = stateOf(post);
  const [from, setFrom] = useState(incoming);
  const [state, setState] = useState(incoming);
  if (!same(from, incoming)) {
    setFrom(incoming);
    setState(incoming);
  }
  // One 赞 in flight: a second tap before the answer would race it.
  const liking = useRef(false);

  const toggleLike = async () => {
    if (liking.current) return;
    liking.current = true;
    const before = { likes: state.likes, likedByMe: state.likedByMe };
    const on = !before.likedByMe;
    setState((s) => ({ ...s, likedByMe: on, likes: Math.max(0, s.likes + (on ? 1 : -1)) }));
    try {
      const answer = await call('post.react', { postId: post.id, on });
      setState((s) => ({ ...s, likes: answer.likes, likedByMe: answer.likedByMe }));
    } catch (e) {
      setState((s) => ({ ...s, ...before }));
      toastError(e);
    } finally {
      liking.current = false;
    }
  };

  return {
    ...state,
    toggleLike,
    commented: () => setState((s) => ({ ...s, comments: s.comments + 1 })),
    setExemplar: (exemplar) => setState((s) => ({ ...s, exemplar })),
  };
}
