/**
 * The post being written, kept on the device until it is sent. Its requestId is chosen once,
 * so a retry after a lost answer replays the same post on the server instead of posting twice.
 */
import Taro from '@tarojs/taro';
import type { DraftFields } from './validate';

export interface Draft extends DraftFields {
  requestId: string;
  photos: string[];
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
  try {
    const d: unknown = Taro.getStorageSync(key(userId));
    if (d && typeof d === 'object' && typeof (d as Draft).requestId === 'string')
      return { ...emptyDraft(), ...(d as Draft) };
  } catch {
    // unreadable storage: start afresh
  }
  return emptyDraft();
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
