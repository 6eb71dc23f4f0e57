/**
 * A form's send: one request at a time (a second tap while one is out does nothing), and what went wrong
 * kept for the form — a refused field beside its field, anything else (a step another user took first,
 * a wrong role, no network) at the top in the server's own words.
 */
import { useRef, useState } from 'react';
import { ApiCallError, messageOf } from '../../../api/errors';
import { serverErrors, type Checked } from './forms';

export function useSend<F extends string>(fields: readonly F[]) {
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState<Checked<F> | null>(null);
  const busy = useRef(false);

  async function send<T>(request: () => Promise<T>): Promise<T | null> {
    if (busy.current) return null;
    busy.current = true;
    setSending(true);
    setFailed(null);
    try {
      return await request();
    } catch (e) {
      setFailed(
        e instanceof ApiCallError && e.code === 'INVALID_ARGUMENT'
          ? serverErrors(e.message, fields)
          : { errors: {}, other: messageOf(e) },
      );
      return null;
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  return { sending, failed, clearFailed: () => setFailed(null), send };
}
