/**
 * One requestId per form: a retry of the same payload (a lost answer, a network error) sends the same id,
 * so the server answers it with the first result instead of doing it twice; a payload changed since the
 * last send takes a new id, since the server refuses an id reused for other content.
 */
import { useRef } from 'react';
import { newRequestId } from '../../../pages/post/draft';

export interface RequestIds {
  /** The id to send `payload` (without its requestId) under. */
  stamp: (payload: unknown) => string;
}

export function requestIds(make: () => string = newRequestId): RequestIds {
  let current = { id: make(), key: undefined as string | undefined };
  return {
    stamp(payload) {
      const key = JSON.stringify(payload);
      if (current.key !== undefined && current.key !== key) current = { id: make(), key };
      else current.key = key;
      return current.id;
    },
  };
}

/** The form's ids, kept for as long as the form is open. */
export function useRequestIds(): RequestIds {
  const ref = useRef<RequestIds | null>(null);
  ref.current ??= requestIds();
  return ref.current;
}
