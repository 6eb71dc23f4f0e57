/**
 * The post being written, kept on the device until it is sent. Its requestId belongs to one payload:
 * a retry of the same payload after a lost answer keeps it (the server replays the first post instead of
 * posting twice); a changed payload takes a new one (./send.ts `stampRequestId`), as does a send the
 * server refused (nothing was written under it).
 */
import Taro from '@tarojs/taro';
import type { DraftFields } from './validate';

export interface Draft extends DraftFields {
  requestId: string;
  photos: string[];
  /** The payload last sent under `requestId` (./send.ts `payloadKey`); absent until a send. */
  sentKey?: string;
}

const key = (userId: string): string => `arena.draft.${userId}`;

export function newRequestId(): string {
  const rand = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${Date.now().toString(36)}-${rand()}${rand()}`;
}

export const emptyDraft = (): Draft => ({
  requestId: newRequestId(),
  values: {},
  text: '',
  correctionReason: '',
  photos: [],
});

export function loadDraft(userId: string): Draft {
  return restoreDraft(userId).draft;
}

/** Something worth keeping was typed: a figure, a note, a reason or a photo. */
export const hasContent = (d: Draft): boolean =>
  Object.values(d.values).some((v) => v.trim() !== '') ||
  d.text.trim() !== '' ||
  d.correctionReason.trim() !== '' ||
  d.photos.length > 0;

/** The stored draft, and whether it brought back anything the person typed (the page says so). */
export function restoreDraft(userId: string): { draft: Draft; restored: boolean } {
  try {
    const d: unknown = Taro.getStorageSync(key(userId));
    if (d && typeof d === 'object' && typeof (d as Draft).requestId === 'string') {
      const draft = { ...emptyDraft(), ...(d as Draft) };
      return { draft, restored: hasContent(draft) };
    }
  } catch {
    // unreadable storage: start afresh
  }
  return { draft: emptyDraft(), restored: false };
}

export function saveDraft(userId: string, draft: Draft): void {
  try {
    Taro.setStorageSync(key(userId), draft);
  } catch {
    // storage full: the draft still lives in memory until the page closes
  }
}

export function clearDraft(userId: string): void {
  Taro.removeStorageSync(key(userId));
}
