/** What the editor sends: the checked figures with the draft's text, photos and its one requestId. */
import type { ActionInput } from '../../../core/contract';
import type { Draft } from './draft';
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
