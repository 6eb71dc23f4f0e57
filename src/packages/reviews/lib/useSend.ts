/**
 * A form's send: one request at a time (a second tap while one is out does nothing), the same requestId
 * for a retry of the same content (so the server answers it with the first result instead of doing it
 * twice) and a new one when the content changed, and what went wrong kept in the server's own words.
 */
import { useRef, useState } from 'react';
import { messageOf } from '../../../api/errors';
import { newRequestId } from '../../../pages/post/draft';

/** The server names the field it refuses (`heldAt：…`): the form says only the words. */
export const plainMessage = (message: string): string =>
  message
    .split('；')
    .map((part) => part.replace(/^[A-Za-z][\w.]*[：:]\s*/, ''))
    .join('；');

export function useSend() {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const stamp = useRef<{ key: string; id: string } | null>(null);

  /** `request` gets the requestId to send `payload` under. */
  async function send<T>(payload: unknown, request: (requestId: string) => Promise<T>): Promise<T | null> {
    if (busy.current) return null;
    const key = JSON.stringify(payload);
    if (stamp.current?.key !== key) stamp.current = { key, id: newRequestId() };
    busy.current = true;
    setSending(true);
    setError(null);
    try {
      return await request(stamp.current.id);
    } catch (e) {
      setError(plainMessage(messageOf(e)));
      return null;
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  return { sending, error, setError, send };
}
