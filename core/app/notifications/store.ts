/**
 * The notifications slice of the Store: the in-app list (each reminder stored, and so sent, at most
 * once by its dedupe key), channel outcomes, and the subscription-message consents a user has left.
 */
import type { NotificationKind } from '../../contract';

/** Consents left by template id; `ANY_TEMPLATE` ('*') holds those counted before templates were told apart. */
export type SubscribeCredits = Readonly<Record<string, number>>;

export interface NotificationRecord {
  id: string;
  userId: string;
  /** The user's city. */
  cityId: string;
  /** The campaign it is about; null for one about no campaign. */
  campaignId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  subjectId: string;
  /** `${userId}|${kind}|${subjectId}|${period}`: each is stored, and so sent, at most once. */
  dedupeKey: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  readAt: number | null;
  /** What each channel did with it, e.g. { subscribe: 'sent' } or { webhook: 'failed' }. */
  channels: Record<string, string>;
}

export interface NotificationPage {
  items: NotificationRecord[];
  nextCursor: string | null;
}

export interface NotificationStore {
  /** Inserts unless one with the same dedupeKey exists; true when inserted. */
  addNotification(n: NotificationRecord): Promise<boolean>;
  /** Which of these dedupe keys are stored already (the reminder job skips them without writing). */
  storedDedupeKeys(keys: readonly string[]): Promise<Set<string>>;
  /** Records what a channel did with a stored notification. */
  setNotificationChannel(id: string, channel: string, outcome: string): Promise<void>;
  /** Newest first. */
  listNotifications(query: { userId: string; cursor?: string; limit: number }): Promise<NotificationPage>;
  countUnread(userId: string): Promise<number>;
  /** Marks the user's notifications read (the given ids, or all when ids is absent). */
  markRead(userId: string, ids: string[] | undefined, at: number): Promise<void>;
  /**
   * In one atomic step adds each delta (may be negative) to the user's credits of that template id, each
   * never below 0; returns the user's credits afterwards (positive counts only; {} for an unknown user).
   */
  addSubscribeCredits(userId: string, deltas: SubscribeCredits): Promise<SubscribeCredits>;
}
