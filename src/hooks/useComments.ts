/**
 * A post's comments, as the comments sheet shows them: 点评 first, then the others, each oldest first (the
 * server's order, kept when this phone adds one), page by page with one request in flight. And the send:
 * one at a time; the same requestId for a retry of the same words, so that a lost answer is answered with
 * the first comment instead of a second one; a new id for other words and after a comment went through;
 * a refusal kept in the server's words.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Comment } from '../../core/contract';
import { call } from '../api/call';
import { messageOf } from '../api/errors';
import { plainMessage } from '../lib/social';
import { newRequestId } from '../pages/post/draft';

/** 点评 before the rest, each oldest first; a comment already listed is not listed twice. */
export function ordered(list: readonly Comment[]): Comment[] {
  const seen = new Set<string>();
  const unique = list.filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)));
  return unique.sort((a, b) => Number(b.remark) - Number(a.remark) || a.createdAt.localeCompare(b.createdAt));
}

export interface Comments {
  items: Comment[];
  loading: boolean;
  error: unknown;
  ended: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  sending: boolean;
  /** Why the last send did not go through, in the server's words; null when it did or none was tried. */
  sendError: string | null;
  clearSendError: () => void;
  /** Sends `text` (trimmed by the caller); the comment, or null when it did not go through. */
  send: (text: string) => Promise<{ comment: Comment; isNew: boolean } | null>;
}

export function useComments(postId: string): Comments {
  const [items, setItems] = useState<Comment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const fetching = useRef(false);
  const busy = useRef(false);
  const stamp = useRef<{ text: string; id: string } | null>(null);
  const listed = useRef(new Set<string>());
  listed.current = new Set(items.map((c) => c.id));

  const fetchPage = useCallback(
    async (from: string | null) => {
      if (fetching.current) return;
      fetching.current = true;
      setLoading(true);
      setError(null);
      try {
        const page = await call('post.comments', { postId, ...(from ? { cursor: from } : {}) });
        setItems((prev) => ordered(from === null ? page.items : [...prev, ...page.items]));
        setCursor(page.nextCursor);
        setEnded(page.nextCursor === null);
      } catch (e) {
        setError(e);
      } finally {
        fetching.current = false;
        setLoading(false);
      }
    },
    [postId],
  );

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const send = async (text: string) => {
    if (busy.current) return null;
    if (stamp.current?.text !== text) stamp.current = { text, id: newRequestId() };
    busy.current = true;
    setSending(true);
    setSendError(null);
    try {
      const { comment } = await call('post.comment', { postId, text, requestId: stamp.current.id });
      stamp.current = null;
      const isNew = !listed.current.has(comment.id);
      setItems((prev) => ordered([...prev, comment]));
      return { comment, isNew };
    } catch (e) {
      setSendError(plainMessage(messageOf(e)));
      return null;
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  return {
    items,
    loading,
    error,
    ended,
    loadMore: () => (ended || cursor === null ? Promise.resolve() : fetchPage(cursor)),
    reload: () => fetchPage(null),
    sending,
    sendError,
    clearSendError: () => setSendError(null),
    send,
  };
}
