/**
 * Delivering one reminder (DOMAIN.md "Reminders"): it is stored in the in-app list under its dedupe key —
 * if that key is already there, nothing more happens, so a retried or double-fired run sends nothing
 * twice — then each external channel is tried in order and its outcome recorded on the notification.
 * A channel that says `not_subscribed` is not used for that user again until they consent anew.
 */
import type { NotificationKind } from '../contract';
import { reminderKey } from '../domain/reminders';
import type { Deps, Notifier, NotificationRecord, UserRecord } from './ports';

export interface Reminder {
  userId: string;
  kind: NotificationKind;
  subjectId: string;
  /** The period it is owed for (a day for daily reminders); one per (user, kind, subject, period). */
  period: string;
  title: string;
  body: string;
}

type Outcome = Awaited<ReturnType<Notifier['send']>>;

/** Stores and sends `reminder` to `user`; false when it had been stored before (nothing done). */
export async function deliver(deps: Deps, reminder: Reminder, user: UserRecord, at: number): Promise<boolean> {
  const { store, ids } = deps;
  const notification: NotificationRecord = {
    id: ids.newId(),
    userId: user.id,
    kind: reminder.kind,
    title: reminder.title,
    body: reminder.body,
    subjectId: reminder.subjectId,
    dedupeKey: reminderKey(user.id, reminder.kind, reminder.subjectId, reminder.period),
    createdAt: at,
    readAt: null,
    channels: {},
  };
  if (!(await store.addNotification(notification))) return false;
  for (const notifier of deps.notifiers ?? []) {
    const outcome = await tryChannel(deps, notifier, user, notification);
    await store.setNotificationChannel(notification.id, notifier.channel, outcome);
  }
  return true;
}

/** One channel; keeps `user.subscribeCredits` current for the rest of the run. Never throws. */
async function tryChannel(
  deps: Deps,
  notifier: Notifier,
  user: UserRecord,
  notification: NotificationRecord,
): Promise<Outcome> {
  const { store, log } = deps;
  if (notifier.usesSubscribeCredits && (user.subscribeCredits ?? 0) <= 0) return 'skipped';
  let outcome: Outcome;
  try {
    outcome = await notifier.send({ user, notification });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log?.({ level: 'error', msg: 'notifier failed', channel: notifier.channel, userId: user.id, error: message });
    return 'failed';
  }
  if (outcome === 'not_subscribed') {
    user.subscribeCredits = await store.addSubscribeCredits(user.id, -Number.MAX_SAFE_INTEGER);
  } else if (outcome === 'sent' && notifier.usesSubscribeCredits) {
    user.subscribeCredits = await store.addSubscribeCredits(user.id, -1);
  }
  return outcome;
}
