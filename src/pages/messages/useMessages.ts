/** The caller's notifications by cursor, newest first, with the unread count; marking read updates both. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../../core/contract';
import { call } from '../../api/call';
import { toastError } from '../../api/toast';
import { showUnread } from './unread';

export interface Messages {
  items: Notification[];
  unread: number;
  ended: boolean;
  loading: boolean;
  error: unknown;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

export function useMessages(limit = 20): Messages {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    async (from: string | null) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setLoading(true);
      setError(null);
      try {
        const page = await call('notify.list', { limit, ...(from ? { cursor: from } : {}) });
        setItems((prev) => (from === null ? page.items : [...prev, ...page.items]));
        setUnread(page.unread);
        showUnread(page.unread);
        setCursor(page.nextCursor);
        setEnded(page.nextCursor === null);
      } catch (e) {
        setError(e);
      } finally {
        inFlight.current = false;
        setLoading(false);
      }
    },
    [limit],
  );

  const refresh = useCallback(() => fetchPage(null), [fetchPage]);
  const loadMore = useCallback(async () => {
    if (!ended && cursor !== null) await fetchPage(cursor);
  }, [cursor, ended, fetchPage]);

  const markRead = useCallback(async (id: string) => {
    try {
      const r = await call('notify.read', { ids: [id] });
      const at = new Date().toISOString();
      setItems((prev) => prev.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: at } : n)));
      setUnread(r.unread);
      showUnread(r.unread);
    } catch (e) {
      toastError(e);
    }
  }, []);

  const markAllRead = useCallback(async () => {
    try {
      const r = await call('notify.read', { all: true });
      const at = new Date().toISOString();
      setItems((prev) => prev.map((n) => (n.readAt ? n : { ...n, readAt: at })));
      setUnread(r.unread);
      showUnread(r.unread);
    } catch (e) {
      toastError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { items, unread, ended, loading, error, refresh, loadMore, markRead, markAllRead };
}
