/**
 * What the editor sends: the checked figures with the draft's text, photos and the requestId of this
 * payload — kept for a retry of the same payload, new once the payload changed.
 */
import type { ActionInput } from '../../../core/contract';
import { newRequestId, type Draft } from './draft';
import type { Checked } from './validate';

export function postInput(unitId: string, draft: Draft, checked: Checked): ActionInput<'post.create'> {
  const reason = draft.correctionReason.trim();
  return {
    unitId,
    figures: checked.figures,
    text: draft.text,
    // The same id on every try of this draft: the server answers a retry with the first post.
    requestId: draft.requestId,
    ...(draft.photos.length ? { photos: draft.photos } : {}),
    // Only a lowered running total carries a reason; a stale one from an earlier edit is dropped.
    ...(checked.decreased.length && reason ? { correctionReason: reason } : {}),
  };
}

/** The payload without its requestId, in a fixed key order: equal exactly when the same post is sent. */
export function payloadKey(input: ActionInput<'post.create'>): string {
  const { unitId, figures = [], text = '', photos = [], correctionReason = '' } = input;
  return JSON.stringify([unitId, figures.map((f) => [f.metricId, f.value]), text, photos, correctionReason]);
}

/**
 * The draft about to send `input`: the same requestId when it was last sent with this very payload (or
 * never sent), a new one when the payload changed since — the server refuses an id reused for other content.
 */
export function stampRequestId(draft: Draft, input: ActionInput<'post.create'>): Draft {
  const key = payloadKey(input);
  if (draft.sentKey === undefined || draft.sentKey === key) return { ...draft, sentKey: key };
  return { ...draft, requestId: newRequestId(), sentKey: key };
}
